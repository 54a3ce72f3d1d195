/**
 * The HubSpot session: OAuth access tokens live 30 minutes, and @hubspot/api-client cannot swap the token of a
 * running Client, so the token is refreshed *before* it runs out — whenever less than REFRESH_MARGIN is left when a
 * call starts — and later calls go to a connector built with the new token. The margin gives a paged read that
 * starts on a token at least that long. A refused refresh (BAD_REFRESH_TOKEN) marks the connection
 * "needs reconnect"; missing scopes refuse every call, naming them.
 */
import { ApiClientHubSpotConnector } from '../connectors/hubspot.js';
import type { HubSpotRate } from '../connectors/rate/hubspot-rate.js';
import { toRemoteError } from '../connectors/remote-error.js';
import { RemoteError, type HubSpotConnector } from '../connectors/types.js';
import { oauthReason } from '../oauth/provider-errors.js';
import { refreshHubSpotToken } from '../oauth/hubspot-oauth.js';
import { ConnectorSession, reconnectProblem } from './connector-session.js';
import { missingScopeMessage, missingScopes } from './scopes.js';
import type { StoredConnection, TokenVault } from './vault.js';

export const REFRESH_MARGIN_MS = 20 * 60_000;

export interface HubSpotSessionDeps {
  vault: TokenVault;
  rate(kind: 'oauth' | 'privateApp'): HubSpotRate;
  inclusionListId(): string | null;
  onProblem(problem: string): void;
  now?(): number;
}

export function createHubSpotSession(deps: HubSpotSessionDeps): ConnectorSession<HubSpotConnector> {
  let refreshing: Promise<void> | null = null;
  const refreshOnce = (stored: StoredConnection): Promise<void> => {
    refreshing ??= refresh(deps, stored).finally(() => {
      refreshing = null;
    });
    return refreshing;
  };
  const session = new ConnectorSession<HubSpotConnector>({
    system: 'hubspot',
    vault: deps.vault,
    kinds: { iterables: ['list', 'modifiedSince', 'listMembers'], sync: ['usage'] },
    onProblem: deps.onProblem,
    build: (stored) => {
      const kind = stored.kind === 'oauth' ? 'oauth' : 'privateApp';
      return new ApiClientHubSpotConnector(
        { baseUrl: stored.url, accessToken: stored.accessToken, kind },
        deps.rate(kind),
      );
    },
    prepare: async (stored) => {
      const missing = missingScopes(stored, deps.inclusionListId());
      if (missing.length) throw new RemoteError('hubspot', 'PERMISSIONS', missingScopeMessage(missing), false);
      if (!refreshDue(stored, deps.now?.() ?? Date.now())) return;
      await refreshOnce(stored);
    },
    // HubSpot can refuse a token before its expiresAt (401): one refresh, then the call again, before any
    // "needs reconnect" — which is for a refresh token the provider refuses.
    refreshRefused: async (stored) => {
      if (stored.kind !== 'oauth' || !stored.refreshToken || !stored.app?.clientSecret) return false;
      await refreshOnce(stored);
      return true;
    },
  });
  return session;
}

const refreshDue = (stored: StoredConnection, now: number): boolean =>
  stored.kind === 'oauth' &&
  stored.refreshToken !== undefined &&
  stored.expiresAt !== null &&
  Date.parse(stored.expiresAt) - now < REFRESH_MARGIN_MS;

async function refresh(deps: HubSpotSessionDeps, stored: StoredConnection): Promise<void> {
  const { app, refreshToken } = stored;
  if (!app?.clientSecret || !refreshToken) return;
  try {
    const tokens = await refreshHubSpotToken(
      { ...app, clientSecret: app.clientSecret, apiUrl: stored.url, appUrl: app.loginUrl },
      refreshToken,
    );
    const now = deps.vault.get('hubspot');
    if (now?.refreshToken === refreshToken) {
      deps.vault.put({ ...now, accessToken: tokens.accessToken, expiresAt: tokens.expiresAt, problem: null });
    }
  } catch (error) {
    if (oauthReason(error) === 'BAD_REFRESH_TOKEN') {
      const problem = reconnectProblem('hubspot', stored);
      deps.onProblem(problem);
      throw new RemoteError('hubspot', 'AUTH', problem, false, 400, 'NEEDS_RECONNECT');
    }
    throw toRemoteError('hubspot', error);
  }
}
