/**
 * HubSpot OAuth (wire-formats B2): the consent URL is built here (the client hard-codes app.hubspot.com), the token
 * calls go through @hubspot/api-client. Its Client is made by `createHubSpotClient`, the one place that decides
 * Client options, so this Client has the same (no retry, no limiter) options as every other one in the process
 * and cannot change the library's process-wide decorators (stack-notes §5).
 */
import { createHubSpotClient } from '../connectors/hubspot/client.js';
import { oauthFailure } from './provider-errors.js';

export interface HubSpotApp {
  /** The API host (token endpoint); the consent page is on `appUrl`. */
  apiUrl: string;
  appUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface HubSpotTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
}

const tokenClient = (apiUrl: string) => createHubSpotClient({ baseUrl: apiUrl, accessToken: '', kind: 'oauth' });

export function hubspotAuthorizeUrl(
  app: HubSpotApp,
  request: { redirectUri: string; scopes: readonly string[]; optionalScopes: readonly string[]; state: string },
): string {
  const url = new URL('/oauth/authorize', app.appUrl);
  url.searchParams.set('client_id', app.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('scope', request.scopes.join(' '));
  if (request.optionalScopes.length) url.searchParams.set('optional_scope', request.optionalScopes.join(' '));
  url.searchParams.set('state', request.state);
  return url.href;
}

const toTokens = (answer: { accessToken: string; refreshToken: string; expiresIn: number }): HubSpotTokens => ({
  accessToken: answer.accessToken,
  refreshToken: answer.refreshToken,
  expiresAt: new Date(Date.now() + answer.expiresIn * 1000).toISOString(),
});

export async function exchangeHubSpotCode(app: HubSpotApp, code: string, redirectUri: string): Promise<HubSpotTokens> {
  try {
    const answer = await tokenClient(app.apiUrl).oauth.tokensApi.create(
      'authorization_code',
      code,
      redirectUri,
      app.clientId,
      app.clientSecret,
    );
    return toTokens(answer);
  } catch (error) {
    throw oauthFailure('HubSpot', 'did not accept the sign-in', error, [code, app.clientSecret]);
  }
}

/** HubSpot keeps the refresh token across refreshes; each refresh gives a new 30-minute access token. */
export async function refreshHubSpotToken(app: HubSpotApp, refreshToken: string): Promise<HubSpotTokens> {
  const answer = await tokenClient(app.apiUrl).oauth.tokensApi.create(
    'refresh_token',
    undefined,
    undefined,
    app.clientId,
    app.clientSecret,
    refreshToken,
  );
  return toTokens(answer);
}

/** Deletes the refresh token (the current access token runs out within 30 minutes; HubSpot cannot revoke it). */
export async function revokeHubSpotRefreshToken(apiUrl: string, refreshToken: string): Promise<void> {
  await tokenClient(apiUrl).oauth.refreshTokensApi.archive(refreshToken);
}
