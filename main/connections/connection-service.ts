/**
 * The two connections of a data folder: credentials in the vault, connectors built lazily from them over the
 * per-system rate schedulers (shared by every run of this process), verification before anything is saved.
 * Tokens go from the vault into the connector constructors and nowhere else; callers see ConnectionStatus.
 */
import type { Database } from 'better-sqlite3';
import type { ConnectionsStatus, SystemName } from '../../shared/contract/index.js';
import type { EventBus } from '../app/events.js';
import { AppError } from '../app/errors.js';
import { ApiClientHubSpotConnector } from '../connectors/hubspot.js';
import { HubSpotRate } from '../connectors/rate/hubspot-rate.js';
import { SalesforceRate } from '../connectors/rate/salesforce-rate.js';
import type { Clock } from '../connectors/rate/clock.js';
import { JsforceSalesforceConnector } from '../connectors/salesforce.js';
import type { HubSpotConnector, SalesforceConnector } from '../connectors/types.js';
import { connectFailure } from './errors.js';
import { checkFolderIdentity, recordFolderIdentity } from './folder-identity.js';
import { statusOf } from './status.js';
import type { StoredConnection, TokenVault } from './vault.js';

export interface SalesforceConnectInput {
  instanceUrl: string;
  accessToken: string;
  refreshToken?: string;
}

export interface HubSpotConnectInput {
  baseUrl: string;
  accessToken: string;
  kind: 'privateApp' | 'oauth';
}

export interface ConnectionServiceDeps {
  db: Database;
  vault: TokenVault;
  events?: EventBus;
  /** R8.2 the `sfApiAllocation` setting (calls per 24 h; null = 20 % of the org's maximum). */
  sfApiAllocation?: () => number | null;
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
  private hubspotRate: HubSpotRate | null = null;
  private salesforceConnector: SalesforceConnector | null = null;
  private hubspotConnector: HubSpotConnector | null = null;

  constructor(private readonly deps: ConnectionServiceDeps) {
    this.salesforceRate = new SalesforceRate({ clock: deps.clock, allocationSetting: deps.sfApiAllocation });
  }

  status(): ConnectionsStatus {
    return {
      salesforce: statusOf('salesforce', this.deps.vault.get('salesforce')),
      hubspot: statusOf('hubspot', this.deps.vault.get('hubspot')),
    };
  }

  salesforce(): SalesforceConnector {
    if (!this.salesforceConnector) {
      const stored = this.stored('salesforce');
      this.salesforceConnector = this.buildSalesforce(stored.url, stored.accessToken);
    }
    return this.salesforceConnector;
  }

  hubspot(): HubSpotConnector {
    if (!this.hubspotConnector) {
      const stored = this.stored('hubspot');
      this.hubspotConnector = this.buildHubSpot({
        baseUrl: stored.url,
        accessToken: stored.accessToken,
        kind: stored.kind === 'oauth' ? 'oauth' : 'privateApp',
      });
    }
    return this.hubspotConnector;
  }

  /** Verifies the token (identity), checks the folder's org, then saves. On any failure nothing changes. */
  async connectSalesforce(input: SalesforceConnectInput): Promise<ConnectionsStatus> {
    const url = requireUrl('The instance URL', input.instanceUrl);
    const connector = this.buildSalesforce(url, input.accessToken);
    const identity = await connector.identity().catch((error: unknown) => {
      throw connectFailure(error);
    });
    checkFolderIdentity(this.deps.db, 'salesforce', identity.orgId);
    this.save(
      {
        system: 'salesforce',
        kind: input.refreshToken ? 'oauth' : 'accessToken',
        url: identity.instanceUrl || url,
        accessToken: input.accessToken,
        ...(input.refreshToken ? { refreshToken: input.refreshToken } : {}),
        label: identity.username,
        remoteId: identity.orgId,
        scopes: [],
        expiresAt: null,
        connectedAt: new Date().toISOString(),
      },
      () => {
        this.salesforceConnector = connector;
      },
    );
    return this.status();
  }

  async connectHubSpot(input: HubSpotConnectInput): Promise<ConnectionsStatus> {
    const baseUrl = requireUrl('The base URL', input.baseUrl);
    const connector = this.buildHubSpot({ ...input, baseUrl });
    const info = await connector.tokenInfo().catch((error: unknown) => {
      throw connectFailure(error);
    });
    const portal = info.portalId === null ? null : String(info.portalId);
    checkFolderIdentity(this.deps.db, 'hubspot', portal);
    this.save(
      {
        system: 'hubspot',
        kind: input.kind,
        url: baseUrl,
        accessToken: input.accessToken,
        label: portal
          ? `HubSpot portal ${portal}${info.user ? ` (${info.user})` : ''}`
          : `HubSpot at ${new URL(baseUrl).host}`,
        remoteId: portal,
        scopes: info.scopes,
        expiresAt: info.expiresAt,
        connectedAt: new Date().toISOString(),
      },
      () => {
        this.hubspotConnector = connector;
      },
    );
    return this.status();
  }

  /** Erases the local credentials (the remote token itself is not revoked). */
  disconnect(system: SystemName): ConnectionsStatus {
    this.deps.vault.remove(system);
    if (system === 'salesforce') this.salesforceConnector = null;
    else this.hubspotConnector = null;
    return this.changed();
  }

  private save(connection: StoredConnection, adopt: () => void): void {
    this.deps.vault.put(connection);
    recordFolderIdentity(this.deps.db, connection.system, connection.remoteId);
    adopt();
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

  private buildSalesforce(instanceUrl: string, accessToken: string): SalesforceConnector {
    return new JsforceSalesforceConnector({ instanceUrl, accessToken }, this.salesforceRate);
  }

  /** The HubSpot rate follows the credential kind (its fallback limit differs); kept while the kind is the same. */
  private buildHubSpot(input: HubSpotConnectInput): HubSpotConnector {
    if (!this.hubspotRate || this.hubspotRate.kind !== input.kind) {
      this.hubspotRate = new HubSpotRate({ kind: input.kind, clock: this.deps.clock });
    }
    return new ApiClientHubSpotConnector(
      { baseUrl: input.baseUrl, accessToken: input.accessToken, kind: input.kind },
      this.hubspotRate,
    );
  }
}
