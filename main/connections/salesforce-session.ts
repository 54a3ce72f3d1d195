/**
 * The Salesforce session: jsforce refreshes on a 401 by itself (A2.4) through the `refreshAccessToken` wired here,
 * which asks Salesforce for a new access token with the stored refresh token and OAuth app, and saves it. A refused
 * refresh (invalid_grant: revoked or expired) marks the connection "needs reconnect" instead of retrying forever.
 */
import { JsforceSalesforceConnector } from '../connectors/salesforce.js';
import type { SalesforceRate } from '../connectors/rate/salesforce-rate.js';
import type { SalesforceConnector } from '../connectors/types.js';
import { oauthReason, scrub } from '../oauth/provider-errors.js';
import { refreshSalesforceToken } from '../oauth/salesforce-oauth.js';
import { ConnectorSession, reconnectProblem } from './connector-session.js';
import type { StoredConnection, TokenVault } from './vault.js';

export interface SalesforceSessionDeps {
  vault: TokenVault;
  rate: SalesforceRate;
  onProblem(problem: string): void;
}

export function createSalesforceSession(deps: SalesforceSessionDeps): ConnectorSession<SalesforceConnector> {
  const session: ConnectorSession<SalesforceConnector> = new ConnectorSession<SalesforceConnector>({
    system: 'salesforce',
    vault: deps.vault,
    kinds: { iterables: ['stream'], sync: ['usage'] },
    onProblem: deps.onProblem,
    build: (stored) =>
      new JsforceSalesforceConnector(
        {
          instanceUrl: stored.url,
          accessToken: stored.accessToken,
          ...(stored.refreshToken && stored.app ? { refreshAccessToken: () => refresh(deps, session, stored) } : {}),
        },
        deps.rate,
      ),
  });
  return session;
}

async function refresh(
  deps: SalesforceSessionDeps,
  session: ConnectorSession<SalesforceConnector>,
  built: StoredConnection,
): Promise<string> {
  const { app, refreshToken } = built;
  if (!app || !refreshToken) throw new Error('This connection has no refresh token.');
  try {
    const tokens = await refreshSalesforceToken(app, refreshToken);
    // Save only onto the same sign-in: a reconnect or disconnect in the meantime wins.
    const now = deps.vault.get('salesforce');
    if (now?.refreshToken === refreshToken) {
      deps.vault.put({ ...now, accessToken: tokens.accessToken, url: tokens.instanceUrl || now.url, problem: null });
      session.tokenRefreshed(tokens.accessToken);
    }
    return tokens.accessToken;
  } catch (error) {
    if (oauthReason(error) === 'INVALID_GRANT') deps.onProblem(reconnectProblem('salesforce', built));
    // jsforce wraps this error's message into its own; keep secrets out of it.
    throw new Error(scrub((error as Error).message, [refreshToken, app.clientSecret]));
  }
}
