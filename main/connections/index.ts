/** Builds the connection service of one data folder: the vault, and the settings it follows (R8.2, R3.1c). */
import type { Database } from 'better-sqlite3';
import type { EventBus } from '../app/events.js';
import type { SettingsService } from '../settings/settings-service.js';
import { ConnectionService } from './connection-service.js';
import type { OpenExternal } from './oauth-connect.js';
import { openVault } from './open-vault.js';
import type { VaultCipher } from './vault.js';

export { ConnectionService } from './connection-service.js';
export type { HubSpotConnectInput, SalesforceConnectInput } from './connection-service.js';
export { disconnect } from './disconnect.js';
export type { OpenExternal } from './oauth-connect.js';
export type { VaultCipher } from './vault.js';

export function createConnectionService(deps: {
  dataDir: string;
  db: Database | null;
  events: EventBus;
  settings: SettingsService;
  /** Electron's safeStorage cipher; the system keychain otherwise, or the 0600 file where none answers. */
  cipher?: VaultCipher;
  openExternal?: OpenExternal;
}): ConnectionService {
  // Read once and follow changes: the scheduler consults the allocation before every Salesforce call.
  let { sfApiAllocation: allocation, inclusionListId } = deps.settings.get();
  deps.events.on('settings', (settings) => {
    allocation = settings.sfApiAllocation;
    inclusionListId = settings.inclusionListId;
  });
  const vault = openVault(deps.dataDir, { cipher: deps.cipher });
  return new ConnectionService({
    db: deps.db,
    vault,
    events: deps.events,
    sfApiAllocation: () => allocation,
    inclusionListId: () => inclusionListId,
    openExternal: deps.openExternal,
  });
}
