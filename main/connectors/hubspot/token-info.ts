/**
 * Who a HubSpot token belongs to, to verify it before saving (and to pin the data folder to one portal).
 * OAuth tokens: GET /oauth/v1/access-tokens/{token} (portal, scopes, user, expiry). Private-app tokens have no
 * such record: GET /account-info/v3/details gives the portal id; a private app's scopes are not readable.
 * A server without account-info (404: the local sandbox) still proves the token with an authenticated CRM read,
 * and reports the portal as unknown (null) rather than guessing.
 */
import type { Client } from '@hubspot/api-client';
import type { HubSpotConnector } from '../types.js';
import type { HubSpotAuthKind } from '../rate/hubspot-rate.js';

export type TokenInfo = Awaited<ReturnType<HubSpotConnector['tokenInfo']>>;

/** apiRequest returns the raw response and does not throw: make non-2xx look like the client's ApiException. */
export async function jsonOrThrow(response: Response): Promise<unknown> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    // Not JSON (an HTML error page): keep the text as the body for the error message.
  }
  if (!response.ok)
    throw Object.assign(new Error(`HTTP ${response.status}`), { code: response.status, body, headers: {} });
  return body;
}

export async function readTokenInfo(client: Client, kind: HubSpotAuthKind, accessToken: string): Promise<TokenInfo> {
  if (kind === 'oauth') {
    const info = await client.oauth.accessTokensApi.get(accessToken);
    return {
      portalId: info.hubId,
      scopes: info.scopes,
      user: info.user ?? null,
      expiresAt: new Date(Date.now() + info.expiresIn * 1000).toISOString(),
    };
  }
  const response = (await client.apiRequest({
    method: 'GET',
    path: '/account-info/v3/details',
  })) as unknown as Response;
  if (response.status === 404) {
    await client.crm.properties.coreApi.getAll('companies', false);
    return { portalId: null, scopes: [], user: null, expiresAt: null };
  }
  const details = (await jsonOrThrow(response)) as { portalId?: number };
  return {
    portalId: typeof details.portalId === 'number' ? details.portalId : null,
    scopes: [],
    user: null,
    expiresAt: null,
  };
}
