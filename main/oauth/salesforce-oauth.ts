/**
 * Salesforce's OAuth 2.0 web-server flow with PKCE, through jsforce's OAuth2 (wire-formats A2). jsforce makes the
 * code verifier in the OAuth2 constructor, so one instance must build the authorize URL and exchange the code:
 * `SalesforceAuthorization` is that instance for one sign-in. Refresh and revoke need no verifier.
 */
import { OAuth2 } from 'jsforce';
import { oauthFailure } from './provider-errors.js';

/** `api` for REST, `id` for the identity URL, `refresh_token` to stay signed in. */
export const SALESFORCE_SCOPES = 'api id refresh_token';

export interface OAuthApp {
  loginUrl: string;
  clientId: string;
  /** Optional: a connected app may be set not to require it for the PKCE web-server flow. */
  clientSecret?: string;
}

export interface SalesforceTokens {
  accessToken: string;
  refreshToken?: string;
  instanceUrl: string;
}

const oauth2For = (app: OAuthApp, extra: { redirectUri?: string; useVerifier?: boolean } = {}) =>
  new OAuth2({
    loginUrl: app.loginUrl,
    clientId: app.clientId,
    ...(app.clientSecret ? { clientSecret: app.clientSecret } : {}),
    ...extra,
  });

export class SalesforceAuthorization {
  private readonly oauth2: OAuth2;

  constructor(
    private readonly app: OAuthApp,
    redirectUri: string,
  ) {
    this.oauth2 = oauth2For(app, { redirectUri, useVerifier: true });
  }

  /** `prompt=login`: a consultant signs in to many clients' orgs; never reuse whichever session the browser has. */
  authorizeUrl(state: string): string {
    return this.oauth2.getAuthorizationUrl({ scope: SALESFORCE_SCOPES, state, prompt: 'login' });
  }

  async exchange(code: string): Promise<SalesforceTokens> {
    try {
      const answer = await this.oauth2.requestToken(code);
      return {
        accessToken: answer.access_token,
        ...(answer.refresh_token ? { refreshToken: answer.refresh_token } : {}),
        instanceUrl: answer.instance_url,
      };
    } catch (error) {
      throw oauthFailure('Salesforce', 'did not accept the sign-in', error, [code, this.app.clientSecret]);
    }
  }
}

/** A new access token for a refresh token; Salesforce normally keeps the refresh token (no rotation, A2.4). */
export async function refreshSalesforceToken(app: OAuthApp, refreshToken: string): Promise<SalesforceTokens> {
  const answer = await oauth2For(app).refreshToken(refreshToken);
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token ?? refreshToken,
    instanceUrl: answer.instance_url,
  };
}

/** Revoking a refresh token also revokes its access tokens (A2.5). */
export async function revokeSalesforceToken(loginUrl: string, token: string): Promise<void> {
  await new OAuth2({ loginUrl }).revokeToken(token);
}
