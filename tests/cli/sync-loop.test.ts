import { emptyRunCounts } from '../../shared/contract/index.js';
/** The sync loop on fake timers, with a scripted engine: what runs when, and what a cycle reports. */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { defaultSettings, type RunSummary, type Settings } from '../../shared/contract/index.js';
import { closeDatabase, openDatabase } from '../../main/db/database.js';
import type { RunRequest, StartedRun } from '../../main/engine/engine.js';
import { enqueueRetry } from '../../main/engine/execute/retry-queue.js';
import { RESYNC_CHUNK, resyncAccounts, type SyncCycle, SyncLoop } from '../../main/engine/sync-loop.js';
import { tempDirFactory } from '../support/temp.js';

const MINUTE = 60_000;
const tempDir = tempDirFactory();

/** Answers each run at once, unless `hold` is set: then the run stays open until paused or released. */
class ScriptedEngine {
  readonly requests: RunRequest[] = [];
  readonly paused: string[] = [];
  activeRunId: string | null = null;
  hold = false;
  failNext: Error | null = null;
  private release: ((state: RunSummary['state']) => void) | null = null;

  start(request: RunRequest): StartedRun {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    const runId = `run_${this.requests.push(request)}`;
    this.activeRunId = runId;
    const finished = new Promise<RunSummary['state']>((resolve) => {
      if (this.hold) this.release = resolve;
      else resolve('completed');
    }).then((state) => {
      this.activeRunId = null;
      return summary(runId, request, state);
    });
    return { runId, finished };
  }

  pause(runId: string): void {
    this.paused.push(runId);
    this.release?.('paused');
  }

  finishHeld(): void {
    this.release?.('completed');
  }
}

const summary = (runId: string, request: RunRequest, state: RunSummary['state']): RunSummary => ({
  runId,
  kind: request.kind,
  state,
  dryRun: request.dryRun,
  counts: emptyRunCounts(),
  error: null,
  resumed: false,
  createdAt: new Date().toISOString(),
});

let db: Database;
let settings: Settings;
let engine: ScriptedEngine;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2025-03-01T09:00:00Z') });
  db = openDatabase({ file: join(tempDir(), 'sfhs.sqlite') });
  settings = { ...defaultSettings, syncCompanies: true, pollIntervalMinutes: 5 };
  engine = new ScriptedEngine();
});
afterEach(() => {
  vi.useRealTimers();
  closeDatabase(db);
});

const newLoop = (extra: { apiUsage?: () => number | null } = {}) =>
  new SyncLoop({ engine, db, settings: { get: () => settings }, ...extra });
const kinds = () => engine.requests.map((r) => r.kind);

function retryDue(accountId: string, minutesAgo: number): void {
  const at = new Date(Date.now() - minutesAgo * MINUTE);
  enqueueRetry(
    db,
    { system: 'hubspot', recordId: accountId, operation: 'update', category: 'NETWORK', message: 'x', runId: 'r' },
    at,
  );
}

test('R2.4 a cycle at start, then one every pollIntervalMinutes; a changed interval applies at the next wait', async () => {
  const loop = newLoop();
  loop.start();
  await vi.advanceTimersByTimeAsync(0);
  expect(kinds()).toEqual(['sync']);
  expect(loop.nextRunAt?.toISOString()).toBe('2025-03-01T09:05:00.000Z');
  await vi.advanceTimersByTimeAsync(5 * MINUTE - 1);
  expect(kinds()).toEqual(['sync']);
  settings = { ...settings, pollIntervalMinutes: 1 };
  await vi.advanceTimersByTimeAsync(1);
  expect(kinds()).toEqual(['sync', 'sync']);
  await vi.advanceTimersByTimeAsync(MINUTE);
  expect(kinds()).toEqual(['sync', 'sync', 'sync']);
  await loop.stop();
});

test('R2.4 the poll interval is never under 1 minute', () => {
  settings = { ...settings, pollIntervalMinutes: 0 };
  expect(newLoop().intervalMs).toBe(MINUTE);
});

test('R9.3 after the sync, due retry entries are resynced as accountIds; entries not yet due wait', async () => {
  retryDue('001000000000001AAA', 21); // next attempt was due a minute ago
  retryDue('001000000000002AAA', 5); // due in 15 minutes
  const cycle = await newLoop().syncNow();
  expect(kinds()).toEqual(['sync', 'resync']);
  expect(engine.requests[1]).toMatchObject({ kind: 'resync', dryRun: false, accountIds: ['001000000000001AAA'] });
  expect(cycle.retries).toHaveLength(1);
});

test('R9.3 retries wait while more than 75 % of the API allocation is used', async () => {
  retryDue('001000000000001AAA', 30);
  const cycle = await newLoop({ apiUsage: () => 0.8 }).syncNow();
  expect(kinds()).toEqual(['sync']);
  expect(cycle.retriesDeferred).toContain('80 %');
});

test('a cycle that fails is reported and the loop goes on', async () => {
  const loop = newLoop();
  const failures: string[] = [];
  const cycles: SyncCycle[] = [];
  loop.on('failed', ({ error }) => failures.push(error.message));
  loop.on('cycle', (cycle) => cycles.push(cycle));
  engine.failNext = new Error('Salesforce: connection refused');
  loop.start();
  await vi.advanceTimersByTimeAsync(0);
  expect(failures).toEqual(['Salesforce: connection refused']);
  await vi.advanceTimersByTimeAsync(5 * MINUTE);
  expect(cycles.map((c) => c.sync.state)).toEqual(['completed']);
  await loop.stop();
});

test('stop pauses the run in flight (resumable) and no cycle follows', async () => {
  const loop = newLoop();
  engine.hold = true;
  loop.start();
  await vi.advanceTimersByTimeAsync(0);
  expect(loop.running).toBe(true);
  await loop.stop();
  expect(engine.paused).toEqual(['run_1']);
  expect(loop.nextRunAt).toBeNull();
  await vi.advanceTimersByTimeAsync(60 * MINUTE);
  expect(kinds()).toEqual(['sync']);
});

test('R2.4 "Sync now" during a cycle answers with that cycle; afterwards the wait starts over', async () => {
  const loop = newLoop();
  loop.start({ immediate: false });
  await vi.advanceTimersByTimeAsync(3 * MINUTE);
  engine.hold = true;
  const first = loop.syncNow();
  expect(loop.syncNow()).toBe(first);
  engine.hold = false;
  engine.finishHeld();
  await first;
  await vi.advanceTimersByTimeAsync(0);
  expect(kinds()).toEqual(['sync']);
  expect(loop.nextRunAt?.toISOString()).toBe('2025-03-01T09:08:00.000Z');
  await loop.stop();
});

test('R2.5 resyncAccounts splits many accounts into chunks and drops duplicates', async () => {
  const ids = Array.from({ length: RESYNC_CHUNK * 2 + 10 }, (_, i) => `001${String(i).padStart(15, '0')}`);
  const runs = await resyncAccounts(engine, [...ids, ids[0]!]);
  expect(runs).toHaveLength(3);
  expect(engine.requests.map((r) => r.accountIds?.length)).toEqual([RESYNC_CHUNK, RESYNC_CHUNK, 10]);
});
