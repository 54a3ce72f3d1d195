/** Builds the connection service of one data folder: file vault, and the R8.2 allocation setting kept current. */
import type { Database } from 'better-sqlite3';
import type { EventBus } from '../app/events.js';
import type { SettingsService } from '../settings/settings-service.js';
import { ConnectionService } from './connection-service.js';
import { FileVault, type VaultCipher } from './vault.js';

export { ConnectionService } from './connection-service.js';
export type { HubSpotConnectInput, SalesforceConnectInput } from './connection-service.js';

export function createConnectionService(deps: {
  dataDir: string;
  db: Database;
  events: EventBus;
  settings: SettingsService;
  cipher?: VaultCipher;
}): ConnectionService {
  // Read once and follow changes: the scheduler consults it before every Salesforce call.
  let allocation = deps.settings.get().sfApiAllocation;
  deps.events.on('settings', (settings) => {
    allocation = settings.sfApiAllocation;
  });
  return new ConnectionService({
    db: deps.db,
    vault: new FileVault(deps.dataDir, deps.cipher),
    events: deps.events,
    sfApiAllocation: () => allocation,
  });
}
