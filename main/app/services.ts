/**
 * The composition root: the one place that builds the console's services from configuration. The Electron shell,
 * browser mode (`sfhs ui`) and the CLI all call `createServices`; only the transport around it differs.
 */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import {
  type ConnectionService,
  createConnectionService,
  type OpenExternal,
  type VaultCipher,
} from '../connections/index.js';
import { closeDatabase, openDatabase } from '../db/database.js';
import { DemoService } from '../demo/demo-service.js';
import { SyncEngine } from '../engine/engine.js';
import type { Handlers } from '../ipc/dispatch.js';
import { createConfSettingsBackend } from '../settings/conf-backend.js';
import { type SettingsBackend, SettingsService } from '../settings/settings-service.js';
import { ensureWritableDataDir } from './data-dir.js';
import { EventBus } from './events.js';
import { createHandlers } from './handlers/index.js';

export type Runtime = 'electron' | 'browser' | 'cli';

export interface ServiceConfig {
  dataDir: string;
  runtime: Runtime;
  version: string;
  /** electron-store in the desktop app; conf otherwise. */
  settingsBackend?: SettingsBackend;
  /** Electron-ABI better-sqlite3 binary for the desktop app. */
  nativeBinding?: string;
  /** The desktop app's safeStorage cipher for the token vault (a plain 0600 file without it). */
  vaultCipher?: VaultCipher;
  /** The desktop app opens OAuth sign-in pages in the system browser. */
  openExternal?: OpenExternal;
}

export interface Services {
  config: ServiceConfig;
  db: Database;
  events: EventBus;
  settings: SettingsService;
  /** Salesforce and HubSpot connections: vault, connectors, rate schedulers. */
  connections: ConnectionService;
  /** Imports, syncs and resyncs: plan, execute, resume. */
  engine: SyncEngine;
  /** "Explore with demo data": the sandbox emulators inside this process. */
  demo: DemoService;
  handlers: Handlers;
  close(): void;
}

export const databaseFileName = 'sfhs.sqlite';

export function createServices(config: ServiceConfig): Services {
  ensureWritableDataDir(config.dataDir);
  const db = openDatabase({ file: join(config.dataDir, databaseFileName), nativeBinding: config.nativeBinding });
  const events = new EventBus();
  const settings = new SettingsService(config.settingsBackend ?? createConfSettingsBackend(config.dataDir), events);
  const connections = createConnectionService({
    dataDir: config.dataDir,
    db,
    events,
    settings,
    cipher: config.vaultCipher,
    openExternal: config.openExternal,
  });
  const demo = new DemoService({ db, connections });
  const services: Omit<Services, 'handlers'> = {
    config,
    db,
    events,
    settings,
    connections,
    engine: new SyncEngine({ db, settings, events, remotes: connections }),
    demo,
    close: () => {
      connections.close();
      demo.close().catch((error: unknown) => console.error('The demo emulators did not stop cleanly', error));
      closeDatabase(db);
    },
  };
  return { ...services, handlers: createHandlers(services) };
}
