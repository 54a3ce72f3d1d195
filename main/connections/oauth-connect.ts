/**
 * "Connect with OAuth" for both providers: a loopback listener, the provider's page opened in the system browser
 * (Electron) or handed to the caller (CLI prints it, browser mode opens a tab), then code → tokens → the same
 * verify-and-save as every connect. Tokens that verify badly (another org, a refused identity) are revoked at once,
 * so a failed connect leaves no live grant behind; the previous connection is kept.
 */
import type { ConnectOutcome, OAuthFlowStart, SystemName } from '../../shared/contract/index.js';
import { AppError } from '../app/errors.js';
import { hubspotUrls, salesforceLoginUrl } from '../oauth/endpoints.js';
import { OAuthFlows } from '../oauth/flows.js';
import { exchangeHubSpotCode, hubspotAuthorizeUrl, revokeHubSpotRefreshToken } from '../oauth/hubspot-oauth.js';
import { checkAuthorizePage } from '../oauth/preflight.js';
import { revokeSalesforceToken, SalesforceAuthorization } from '../oauth/salesforce-oauth.js';
import type { ConnectionService } from './connection-service.js';
import { HUBSPOT_AUTHORIZE_SCOPES } from './scopes.js';

export interface OAuthStartRequest {
  system: SystemName;
  loginUrl?: string;
  apiBaseUrl?: string;
  clientId: string;
  clientSecret?: string;
  timeoutSeconds?: number;
  callbackPort?: number;
}

export type OpenExternal = (url: string) => Promise<void>;

export const DEFAULT_FLOW_TIMEOUT_SECONDS = 300;

/** Runs `save`; if it fails, revokes what the provider just issued (best effort) and rethrows the save's error. */
async function saveOrRevoke<R>(save: () => Promise<R>, revoke: () => Promise<void>): Promise<R> {
  try {
    return await save();
  } catch (error) {
    await revoke().catch(() => undefined);
    throw error;
  }
}

export class OAuthConnections {
  private readonly flows = new OAuthFlows<ConnectOutcome>();

  constructor(
    private readonly service: ConnectionService,
    private readonly openExternal?: OpenExternal,
  ) {}

  async start(request: OAuthStartRequest): Promise<OAuthFlowStart> {
    const provider = request.system === 'salesforce' ? 'Salesforce' : 'HubSpot';
    const started = await this.flows.start({
      key: request.system,
      provider,
      timeoutMs: (request.timeoutSeconds ?? DEFAULT_FLOW_TIMEOUT_SECONDS) * 1000,
      port: request.callbackPort,
      prepare: async (redirectUri, state) => {
        const plan =
          request.system === 'salesforce'
            ? this.salesforcePlan(request, redirectUri, state)
            : this.hubspotPlan(request, redirectUri, state);
        await checkAuthorizePage(plan.authorizeUrl, provider);
        return plan;
      },
    });
    if (!this.openExternal) return { ...started, openedExternally: false };
    try {
      await this.openExternal(started.authorizeUrl);
    } catch (error) {
      // Nobody can reach the sign-in page: stop listening now rather than at the time-out.
      this.flows.cancel(started.flowId, 'The sign-in page could not be opened; nothing was saved.');
      throw error;
    }
    return { ...started, openedExternally: true };
  }

  wait(flowId: string): Promise<ConnectOutcome> {
    return this.flows.wait(flowId);
  }

  cancel(flowId: string): void {
    this.flows.cancel(flowId);
  }

  close(): void {
    this.flows.cancelAll();
  }

  private outcome(): (status: ConnectOutcome['status']) => ConnectOutcome {
    return (status) => ({ status, vaultWarning: this.service.takeVaultWarning() });
  }

  private salesforcePlan(request: OAuthStartRequest, redirectUri: string, state: string) {
    const app = {
      loginUrl: salesforceLoginUrl(request.loginUrl),
      clientId: request.clientId,
      ...(request.clientSecret ? { clientSecret: request.clientSecret } : {}),
    };
    const authorization = new SalesforceAuthorization(app, redirectUri);
    return {
      authorizeUrl: authorization.authorizeUrl(state),
      complete: async (code: string) => {
        const tokens = await authorization.exchange(code);
        const status = await saveOrRevoke(
          () => this.service.connectSalesforce({ ...tokens, app }),
          () => revokeSalesforceToken(app.loginUrl, tokens.refreshToken ?? tokens.accessToken),
        );
        return this.outcome()(status);
      },
    };
  }

  private hubspotPlan(request: OAuthStartRequest, redirectUri: string, state: string) {
    const urls = hubspotUrls({ apiBaseUrl: request.apiBaseUrl, loginUrl: request.loginUrl });
    if (!request.clientSecret) {
      throw new AppError('VALIDATION', "HubSpot needs the app's client secret too (Auth tab of the HubSpot app).");
    }
    const app = { apiUrl: urls.api, appUrl: urls.app, clientId: request.clientId, clientSecret: request.clientSecret };
    return {
      authorizeUrl: hubspotAuthorizeUrl(app, {
        redirectUri,
        scopes: HUBSPOT_AUTHORIZE_SCOPES.scopes,
        optionalScopes: HUBSPOT_AUTHORIZE_SCOPES.optional,
        state,
      }),
      complete: async (code: string) => {
        const tokens = await exchangeHubSpotCode(app, code, redirectUri);
        const status = await saveOrRevoke(
          () =>
            this.service.connectHubSpot({
              baseUrl: urls.api,
              accessToken: tokens.accessToken,
              refreshToken: tokens.refreshToken,
              kind: 'oauth',
              app: { loginUrl: urls.app, clientId: app.clientId, clientSecret: app.clientSecret },
            }),
          () => revokeHubSpotRefreshToken(urls.api, tokens.refreshToken),
        );
        return this.outcome()(status);
      },
    };
  }
}
