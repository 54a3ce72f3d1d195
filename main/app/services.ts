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
import { closeDatabase } from '../db/database.js';
import { BackupSchedule, isBackupBoundary } from '../db/health/backup-schedule.js';
import { openCheckedDatabase } from '../db/health/open-checked.js';
import { DemoService } from '../demo/demo-service.js';
import { SyncEngine } from '../engine/engine.js';
import type { Handlers } from '../ipc/dispatch.js';
import { createConfSettingsBackend } from '../settings/conf-backend.js';
import { type SettingsBackend, SettingsService } from '../settings/settings-service.js';
import { ensureWritableDataDir } from './data-dir.js';
import { EventBus } from './events.js';
import { createHandlers } from './handlers/index.js';
import { WorkspaceLock } from './workspace-lock.js';
import type { OpenWorkspace, WorkspaceControl } from './workspaces/control.js';
import { workspaceVaultCipher } from './workspaces/vault-scope.js';

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
  /** Names this process in the one-writer lock's message to a second writer (e.g. "sfhs sync --once"). */
  command?: string;
  /** The workspace this folder is (absent: a folder opened on its own, e.g. by a test). */
  workspace?: OpenWorkspace;
  /** Lists, creates and switches workspaces; absent: this one folder, and no switching. */
  workspaces?: WorkspaceControl;
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
  /** The one-writer lock of the data folder, taken by the first run that writes and held until `close`. */
  lock: WorkspaceLock;
  /** Resolves when the backup being written (if any) is complete; call before `close`. */
  settle(): Promise<void>;
  close(): void;
}

export const databaseFileName = 'sfhs.sqlite';

export function createServices(config: ServiceConfig): Services {
  ensureWritableDataDir(config.dataDir);
  const db = openCheckedDatabase({ file: join(config.dataDir, databaseFileName), nativeBinding: config.nativeBinding });
  const events = new EventBus();
  const lock = new WorkspaceLock(config.dataDir, config.command ?? config.runtime, config.nativeBinding);
  const backups = new BackupSchedule(db, config.dataDir, (error) =>
    console.error('A backup could not be written', error),
  );
  events.on('run', (run) => {
    if (isBackupBoundary(run)) backups.request(run);
  });
  const settings = new SettingsService(config.settingsBackend ?? createConfSettingsBackend(config.dataDir), events);
  const connections = createConnectionService({
    dataDir: config.dataDir,
    db,
    events,
    settings,
    cipher: workspaceVaultCipher(config),
    openExternal: config.openExternal,
  });
  const demo = new DemoService({ db, connections });
  const services: Omit<Services, 'handlers'> = {
    config,
    db,
    events,
    settings,
    connections,
    engine: new SyncEngine({
      db,
      settings,
      events,
      remotes: connections,
      claimWriter: () => lock.acquire(),
      ifNoOtherWriter: (fn) => lock.ifNoOtherWriter(fn),
    }),
    demo,
    lock,
    settle: () => backups.settle(),
    close: () => {
      backups.stop();
      connections.close();
      demo.close().catch((error: unknown) => console.error('The demo emulators did not stop cleanly', error));
      closeDatabase(db);
      lock.release();
    },
  };
  return { ...services, handlers: createHandlers(services) };
}
