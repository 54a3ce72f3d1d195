/**
 * A private-app token's scopes: HubSpot answers `POST /oauth/v2/private-apps/get/access-token-info` with
 * `{ tokenKey }` (developers.hubspot.com, private apps). A server without it (404: the local sandbox) leaves the
 * scopes unknown — shown as such and not checked — rather than guessed.
 */
import { createHubSpotClient, type HubSpotCredentials } from '../connectors/hubspot/client.js';
import { jsonOrThrow } from '../connectors/hubspot/token-info.js';

export async function readHubSpotScopes(credentials: HubSpotCredentials): Promise<string[]> {
  if (credentials.kind !== 'privateApp') return [];
  const response = (await createHubSpotClient(credentials).apiRequest({
    method: 'POST',
    path: '/oauth/v2/private-apps/get/access-token-info',
    body: { tokenKey: credentials.accessToken },
  })) as unknown as Response;
  if (response.status === 404) return [];
  const info = (await jsonOrThrow(response).catch(() => ({}))) as { scopes?: unknown };
  return Array.isArray(info.scopes) ? info.scopes.filter((s): s is string => typeof s === 'string') : [];
}
