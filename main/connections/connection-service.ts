/**
 * The two connections of a data folder: credentials in the vault, connectors built from them over the per-system
 * rate schedulers (shared by every run of this process), verification before anything is saved. Tokens go from the
 * vault into the connector constructors and nowhere else; callers see ConnectionStatus.
 */
import type { Database } from 'better-sqlite3';
import type { ConnectionsStatus, SystemName } from '../../shared/contract/index.js';
import type { EventBus } from '../app/events.js';
import { AppError } from '../app/errors.js';
import { ApiClientHubSpotConnector } from '../connectors/hubspot.js';
import { HubSpotRate } from '../connectors/rate/hubspot-rate.js';
import { SalesforceRate } from '../connectors/rate/salesforce-rate.js';
import { SqliteUsageStore } from '../connectors/rate/usage-store.js';
import type { Clock } from '../connectors/rate/clock.js';
import { JsforceSalesforceConnector } from '../connectors/salesforce.js';
import type { HubSpotConnector, SalesforceConnector } from '../connectors/types.js';
import type { ConnectorSession } from './connector-session.js';
import { connectFailure } from './errors.js';
import { checkFolderIdentity, recordFolderIdentity } from './folder-identity.js';
import { sqliteDailyLimitStore } from './hubspot-daily.js';
import { createHubSpotSession } from './hubspot-session.js';
import { readHubSpotScopes } from './hubspot-scopes.js';
import { OAuthConnections, type OpenExternal } from './oauth-connect.js';
import { createSalesforceSession } from './salesforce-session.js';
import { missingScopeMessage } from './scopes.js';
import { statusOf } from './status.js';
import type { StoredConnection, TokenVault } from './vault.js';
import { takeVaultWarning } from './vault-warning.js';

export type OAuthAppConfig = NonNullable<StoredConnection['app']>;

export interface SalesforceConnectInput {
  instanceUrl: string;
  accessToken: string;
  refreshToken?: string;
  /** The OAuth app that issued the tokens (needed to refresh and revoke). */
  app?: OAuthAppConfig;
}

export interface HubSpotConnectInput {
  baseUrl: string;
  accessToken: string;
  kind: 'privateApp' | 'oauth';
  refreshToken?: string;
  app?: OAuthAppConfig;
}

export interface ConnectionServiceDeps {
  /** Null when the data folder's database is damaged: connect, status and disconnect still work, on the vault alone. */
  db: Database | null;
  vault: TokenVault;
  events?: EventBus;
  /** R8.2 the `sfApiAllocation` setting (calls per 24 h; null = 20 % of the org's maximum). */
  sfApiAllocation?: () => number | null;
  /** R3.1c the inclusion list setting: with one, HubSpot's lists scope is required too. */
  inclusionListId?: () => string | null;
  /** Electron: opens the sign-in page in the system browser. Elsewhere the caller shows or opens it. */
  openExternal?: OpenExternal;
  clock?: Clock;
}

const ORIGIN = /^https?:\/\/[^\s/]+/;

function requireUrl(name: string, url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  if (!ORIGIN.test(trimmed)) throw new AppError('VALIDATION', `${name} must be an http(s) URL, got "${url}".`);
  return trimmed;
}

export class ConnectionService {
  readonly salesforceRate: SalesforceRate;
  /** OAuth sign-ins in progress (loopback listeners); `close()` stops them. */
  readonly oauth: OAuthConnections;
  private hubspotRate: HubSpotRate | null = null;
  private readonly sessions: {
    salesforce: ConnectorSession<SalesforceConnector>;
    hubspot: ConnectorSession<HubSpotConnector>;
  };

  constructor(private readonly deps: ConnectionServiceDeps) {
    this.salesforceRate = new SalesforceRate({
      clock: deps.clock,
      allocationSetting: deps.sfApiAllocation,
      ...(deps.db ? { usageStore: new SqliteUsageStore(deps.db, 'salesforce') } : {}),
    });
    this.oauth = new OAuthConnections(this, deps.openExternal);
    this.sessions = {
      salesforce: createSalesforceSession({
        vault: deps.vault,
        rate: this.salesforceRate,
        onProblem: (problem) => this.markProblem('salesforce', problem),
      }),
      hubspot: createHubSpotSession({
        vault: deps.vault,
        rate: (kind) => this.rateFor(kind),
        inclusionListId: this.inclusionListId,
        onProblem: (problem) => this.markProblem('hubspot', problem),
      }),
    };
  }

  private readonly inclusionListId = (): string | null => this.deps.inclusionListId?.() ?? null;

  get vault(): TokenVault {
    return this.deps.vault;
  }

  status(): ConnectionsStatus {
    return {
      salesforce: statusOf('salesforce', this.deps.vault.get('salesforce')),
      hubspot: statusOf('hubspot', this.deps.vault.get('hubspot'), this.inclusionListId()),
      vault: this.deps.vault.protection,
    };
  }

  /** The engine's Salesforce connector: stable, always on the newest token, refreshing on 401. */
  salesforce(): SalesforceConnector {
    this.stored('salesforce');
    return this.sessions.salesforce.connector;
  }

  hubspot(): HubSpotConnector {
    this.stored('hubspot');
    return this.sessions.hubspot.connector;
  }

  /** Refuses a sync up front, naming what is missing: a connection, a reconnect, or HubSpot scopes. */
  assertReadyToSync(): void {
    const status = this.status();
    for (const system of ['salesforce', 'hubspot'] as const) {
      this.stored(system);
      if (status[system].problem) throw new AppError('TOKEN_EXPIRED', status[system].problem as string);
    }
    if (status.hubspot.missingScopes.length) {
      throw new AppError('FORBIDDEN', missingScopeMessage(status.hubspot.missingScopes), status.hubspot.missingScopes);
    }
  }

  /** Verifies the token (identity), checks the folder's org, then saves. On any failure nothing changes. */
  async connectSalesforce(input: SalesforceConnectInput): Promise<ConnectionsStatus> {
    const url = requireUrl('The instance URL', input.instanceUrl);
    const connector = new JsforceSalesforceConnector(
      { instanceUrl: url, accessToken: input.accessToken },
      this.salesforceRate,
    );
    const identity = await connector.identity().catch((error: unknown) => {
      throw connectFailure(error);
    });
    if (this.deps.db) checkFolderIdentity(this.deps.db, 'salesforce', identity.orgId);
    this.save({
      system: 'salesforce',
      kind: input.refreshToken ? 'oauth' : 'accessToken',
      url: identity.instanceUrl || url,
      accessToken: input.accessToken,
      ...(input.refreshToken ? { refreshToken: input.refreshToken } : {}),
      ...(input.app ? { app: input.app } : {}),
      label: identity.username,
      user: identity.displayName ? `${identity.displayName} (${identity.username})` : identity.username,
      remoteId: identity.orgId,
      scopes: [],
      expiresAt: null,
      connectedAt: new Date().toISOString(),
      problem: null,
    });
    // The verified connector has no refresh wired; the session builds the long-lived one from the vault.
    this.sessions.salesforce.reset();
    return this.status();
  }

  async connectHubSpot(input: HubSpotConnectInput): Promise<ConnectionsStatus> {
    const baseUrl = requireUrl('The base URL', input.baseUrl);
    const credentials = { baseUrl, accessToken: input.accessToken, kind: input.kind };
    const connector = new ApiClientHubSpotConnector(credentials, this.rateFor(input.kind));
    const info = await connector.tokenInfo().catch((error: unknown) => {
      throw connectFailure(error);
    });
    const scopes = info.scopes.length ? info.scopes : await readHubSpotScopes(credentials);
    const portal = info.portalId === null ? null : String(info.portalId);
    if (this.deps.db) checkFolderIdentity(this.deps.db, 'hubspot', portal);
    this.save({
      system: 'hubspot',
      kind: input.kind,
      url: baseUrl,
      accessToken: input.accessToken,
      ...(input.refreshToken ? { refreshToken: input.refreshToken } : {}),
      ...(input.app ? { app: input.app } : {}),
      label: portal ? `HubSpot portal ${portal}` : `HubSpot at ${new URL(baseUrl).host}`,
      user: info.user,
      remoteId: portal,
      scopes,
      expiresAt: info.expiresAt,
      connectedAt: new Date().toISOString(),
      problem: null,
    });
    this.sessions.hubspot.adopt(input.accessToken, connector);
    return this.status();
  }

  close(): void {
    this.oauth.close();
  }

  /** Once per data folder: the warning that tokens are kept unencrypted (null when encrypted or already shown). */
  takeVaultWarning(): string | null {
    return this.deps.db ? takeVaultWarning(this.deps.db, this.deps.vault) : null;
  }

  /** Erases the local credentials of one system (revoking at the provider is `disconnect` in ./disconnect.ts). */
  forget(system: SystemName): ConnectionsStatus {
    this.deps.vault.remove(system);
    this.sessions[system].reset();
    return this.changed();
  }

  private markProblem(system: SystemName, problem: string): void {
    const stored = this.deps.vault.get(system);
    if (!stored || stored.problem === problem) return;
    this.deps.vault.put({ ...stored, problem });
    this.changed();
  }

  private save(connection: StoredConnection): void {
    this.deps.vault.put(connection);
    if (this.deps.db) recordFolderIdentity(this.deps.db, connection.system, connection.remoteId);
    this.changed();
  }

  private changed(): ConnectionsStatus {
    const status = this.status();
    this.deps.events?.emit('connections', status);
    return status;
  }

  private stored(system: SystemName): StoredConnection {
    const stored = this.deps.vault.get(system);
    if (!stored) {
      throw new AppError(
        'NOT_CONNECTED',
        `Not connected to ${system === 'salesforce' ? 'Salesforce' : 'HubSpot'}: run "sfhs connect ${system}".`,
      );
    }
    return stored;
  }

  /** The HubSpot rate follows the credential kind (its fallback limit differs); kept while the kind is the same. */
  private rateFor(kind: 'oauth' | 'privateApp'): HubSpotRate {
    if (!this.hubspotRate || this.hubspotRate.kind !== kind) {
      this.hubspotRate = new HubSpotRate({
        kind,
        clock: this.deps.clock,
        ...(this.deps.db ? { daily: sqliteDailyLimitStore(this.deps.db) } : {}),
      });
    }
    return this.hubspotRate;
  }
}
