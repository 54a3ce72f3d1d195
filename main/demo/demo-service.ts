/**
 * "Explore with demo data": the sandbox emulators started inside this process with a seeded org and portal, and the
 * data folder connected to them like any real connection. Demo data is fresh at every start; leaving the demo
 * disconnects and empties the folder so a real org can be connected to it.
 */
import type { Database } from 'better-sqlite3';
import type { ConnectionsStatus } from '../../shared/contract/index.js';
import { AppError } from '../app/errors.js';
import type { ConnectionService } from '../connections/index.js';
import { getMeta, setMeta } from '../db/meta.js';
import type { Sandbox } from '../../sandbox/index.js';
import { connectToSandbox } from './connect-sandbox.js';
import { wipeWorkspace } from './wipe.js';

const DEMO_KEY = 'demo.active';
/** The pace asked for at the start, kept so a restarted demo keeps it. */
const PACE_KEY = 'demo.callsPerSecond';

export interface DemoStart {
  /**
   * HubSpot API calls per second the emulator allows: slow enough to watch an import's progress, pause and resume
   * it (at 1, the writes of the 2,000-account import take about half a minute). Omitted: the real public-app limit.
   */
  callsPerSecond?: number;
}

export interface DemoOptions {
  accounts?: number;
  /** HubSpot limit like the real public-app one, so the progress of a demo import looks like the real thing. */
  hsLimit?: string;
}

export class DemoService {
  private sandbox: Sandbox | null = null;

  constructor(
    private readonly deps: { db: Database; connections: ConnectionService },
    private readonly options: DemoOptions = {},
  ) {}

  get active(): boolean {
    return getMeta(this.deps.db, DEMO_KEY) === 'true';
  }

  async start(request: DemoStart = {}): Promise<ConnectionsStatus> {
    const { connections, db } = this.deps;
    const status = connections.status();
    if (!this.active && (status.salesforce.connected || status.hubspot.connected || getMeta(db, 'salesforce.orgId'))) {
      throw new AppError(
        'CONFLICT',
        'This data folder already belongs to a real connection. The demo needs an empty data folder (choose another with --data-dir).',
      );
    }
    await this.stopSandbox();
    wipeWorkspace(db);
    // Loaded on demand: the sandbox (emulators and seed generator) is only needed for the demo.
    const { startSandbox } = await import('../../sandbox/index.js');
    const pace = request.callsPerSecond;
    this.sandbox = await startSandbox({
      accounts: this.options.accounts ?? 2000,
      seed: 1,
      hsLimit: pace ? `${pace * 10}/10s` : (this.options.hsLimit ?? '110/10s'),
    });
    await connectToSandbox(connections, this.sandbox.info());
    setMeta(db, DEMO_KEY, 'true');
    setMeta(db, PACE_KEY, pace ? String(pace) : '');
    return connections.status();
  }

  /** After a restart of the app the demo's emulators are gone: start fresh ones if the folder was in a demo. */
  async resumeIfActive(): Promise<void> {
    if (!this.active || this.sandbox) return;
    const pace = Number(getMeta(this.deps.db, PACE_KEY) ?? '');
    await this.start(pace > 0 ? { callsPerSecond: pace } : {});
  }

  async leave(): Promise<ConnectionsStatus> {
    const { connections, db } = this.deps;
    if (!this.active) throw new AppError('CONFLICT', 'No demo is running in this data folder.');
    // The demo's tokens belong to emulators in this process: nothing to revoke anywhere, only to forget.
    connections.forget('salesforce');
    connections.forget('hubspot');
    await this.stopSandbox();
    wipeWorkspace(db);
    return connections.status();
  }

  async close(): Promise<void> {
    await this.stopSandbox();
  }

  private async stopSandbox(): Promise<void> {
    const sandbox = this.sandbox;
    this.sandbox = null;
    await sandbox?.close();
  }
}
