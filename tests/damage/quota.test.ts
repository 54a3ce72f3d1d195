/**
 * R8.2 quotas pause, never crash: the allocation reached during a sync pauses it as waiting for quota with the
 * time calls resume (exit 11), the same run resumes once calls are admitted again, the use is shared by every
 * process on the folder, and the sync loop waits for that time by itself.
 */
import { join } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { defaultSettings, emptyRunCounts, type RunSummary } from '../../shared/contract/index.js';
import { quotaResumeAt } from '../../main/connectors/rate/quota.js';
import { SalesforceBudget } from '../../main/connectors/rate/salesforce-budget.js';
import { MemoryUsageStore, SqliteUsageStore } from '../../main/connectors/rate/usage-store.js';
import { closeDatabase, openDatabase } from '../../main/db/database.js';
import { SyncLoop } from '../../main/engine/sync-loop.js';
import { cliWorld } from '../cli/support.js';
import { tempDirFactory } from '../support/temp.js';

const HOUR = 3_600_000;
const tempDir = tempDirFactory();
afterEach(() => vi.useRealTimers());

test('R8.2 sfApiAllocation reached: the sync pauses waiting for quota (exit 11), keeps its run, resumes it when allowed', {
  timeout: 60_000,
}, async () => {
  const world = await cliWorld({ accounts: 30 });
  await world.syncOn();
  expect((await world.sfhs('settings', 'set', 'sfApiAllocation', '3')).code).toBe(0);
  const first = await world.sfhs('sync', '--once', '--json');
  expect(first.code, first.err).toBe(11);
  const paused = first.json<{ runId: string; state: string; error: string }>();
  expect(paused.state).toBe('paused');
  const resumeAt = quotaResumeAt(paused.error);
  expect(resumeAt).not.toBeNull();
  expect(Date.parse(resumeAt as string)).toBeGreaterThan(Date.now());
  expect(first.err).not.toMatch(/Unexpected error|\n\s+at /);

  // A second process counts the same calls (persisted per hour) and waits on the same run.
  const again = await world.sfhs('sync', '--once', '--json');
  expect(again.code).toBe(11);
  expect(again.json().runId).toBe(paused.runId);

  expect((await world.sfhs('settings', 'set', 'sfApiAllocation', '100000')).code).toBe(0);
  const resumed = await world.sfhs('sync', '--once', '--json');
  expect(resumed.code, resumed.err).toBe(0);
  expect(resumed.json()).toMatchObject({ runId: paused.runId, state: 'completed' });
});

test('R8.2 the allocation frees when the oldest hour of calls leaves the rolling 24 h window', () => {
  let now = Date.parse('2025-03-01T09:30:00Z');
  const clock = { now: () => now, sleep: async () => undefined, random: () => 0 };
  const budget = new SalesforceBudget(clock, () => 5, new MemoryUsageStore());
  for (let i = 0; i < 3; i++) budget.countCall();
  now += 2 * HOUR;
  for (let i = 0; i < 2; i++) budget.countCall();
  expect(() => budget.admit()).toThrow(/Calls resume at 2025-03-02T09:00:00.000Z/);
  now = Date.parse('2025-03-02T09:00:00Z');
  expect(() => budget.admit()).not.toThrow();
});

test("R8.2 API use is kept per hour in the database, so a second connection sees the day's calls", () => {
  const file = join(tempDir(), 'sfhs.sqlite');
  const a = openDatabase({ file });
  const b = openDatabase({ file });
  const clock = { now: () => Date.parse('2025-03-01T09:30:00Z'), sleep: async () => undefined, random: () => 0 };
  new SalesforceBudget(clock, () => null, new SqliteUsageStore(a, 'salesforce')).countCall();
  expect(new SalesforceBudget(clock, () => null, new SqliteUsageStore(b, 'salesforce')).consoleCalls()).toBe(1);
  closeDatabase(a);
  closeDatabase(b);
});

test('R2.4 the sync loop waits until the quota frees instead of the poll interval, then resumes by itself', async () => {
  vi.useFakeTimers({ now: new Date('2025-03-01T09:00:00Z') });
  const db = openDatabase({ file: join(tempDir(), 'sfhs.sqlite') });
  const resumeAt = '2025-03-01T11:00:00.000Z';
  const starts: string[] = [];
  const engine = {
    activeRunId: null,
    pause: () => undefined,
    start: () => {
      starts.push(new Date().toISOString());
      const waiting = starts.length === 1;
      const summary: RunSummary = {
        runId: 'run_1',
        kind: 'sync',
        state: waiting ? 'paused' : 'completed',
        dryRun: false,
        counts: emptyRunCounts(),
        error: waiting ? `Waiting for quota until ${resumeAt} — Salesforce: used up.` : null,
        resumed: !waiting,
        createdAt: new Date().toISOString(),
      };
      return { runId: 'run_1', finished: Promise.resolve(summary) };
    },
  };
  const loop = new SyncLoop({ engine, db, settings: { get: () => ({ ...defaultSettings, syncCompanies: true }) } });
  loop.start();
  await vi.advanceTimersByTimeAsync(0);
  expect(loop.nextRunAt?.toISOString()).toBe(resumeAt);
  await vi.advanceTimersByTimeAsync(2 * HOUR);
  expect(starts).toEqual(['2025-03-01T09:00:00.000Z', resumeAt]);
  await loop.stop();
  closeDatabase(db);
});
