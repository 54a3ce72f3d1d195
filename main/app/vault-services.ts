/**
 * What `status`, `connect` and `disconnect` need when the database cannot be opened (damaged, or refused): the
 * vault and the settings, which live in their own files. Connecting then skips the check that the org or portal
 * is the folder's own (recorded in the database); the caller says so.
 */
import { type ConnectionService, createConnectionService } from '../connections/index.js';
import { createConfSettingsBackend } from '../settings/conf-backend.js';
import { SettingsService } from '../settings/settings-service.js';
import { EventBus } from './events.js';
import type { ServiceConfig } from './services.js';
import { workspaceVaultCipher } from './workspaces/vault-scope.js';

export interface VaultServices {
  connections: ConnectionService;
  close(): void;
}

export function createVaultServices(config: ServiceConfig): VaultServices {
  const events = new EventBus();
  const settings = new SettingsService(config.settingsBackend ?? createConfSettingsBackend(config.dataDir), events);
  const connections = createConnectionService({
    dataDir: config.dataDir,
    db: null,
    events,
    settings,
    cipher: workspaceVaultCipher(config),
    openExternal: config.openExternal,
  });
  return { connections, close: () => connections.close() };
}
