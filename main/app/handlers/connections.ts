import { disconnect } from '../../connections/index.js';
import { HUBSPOT_API_URL } from '../../oauth/endpoints.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerDeps } from './index.js';

type ConnectionHandlers = Pick<
  Handlers,
  'getConnections' | 'startOAuth' | 'awaitOAuth' | 'cancelOAuth' | 'connectPrivateApp' | 'disconnect'
>;

/**
 * Both connections, from the vault. Tokens come in (a pasted private-app token) but never go out: every answer is a
 * ConnectionStatus, a flow's public half (URL, callback) or an outcome note.
 */
export const connectionHandlers = ({ connections }: HandlerDeps): ConnectionHandlers => ({
  getConnections: () => connections.status(),
  startOAuth: (request) => connections.oauth.start(request),
  awaitOAuth: ({ flowId }) => connections.oauth.wait(flowId),
  cancelOAuth: ({ flowId }) => {
    connections.oauth.cancel(flowId);
    return connections.status();
  },
  connectPrivateApp: async ({ apiBaseUrl, token }) => {
    const status = await connections.connectHubSpot({
      baseUrl: apiBaseUrl ?? HUBSPOT_API_URL,
      accessToken: token,
      kind: 'privateApp',
    });
    return { status, vaultWarning: connections.takeVaultWarning() };
  },
  disconnect: ({ system }) => disconnect(connections, system),
});
