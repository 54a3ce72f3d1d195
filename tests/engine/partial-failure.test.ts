/** R9.2/R9.3 per-record failures (HubSpot 207) and whole-call faults (R8.1) during a real import. */
import { afterEach, expect, test } from 'vitest';
import { retryEntries } from '../../main/engine/execute/retry-queue.js';
import { queryLog } from '../../main/engine/log/log-store.js';
import { parseFaultSpec } from '../../sandbox/faults/faults.js';
import type { Harness } from '../support/engine-harness.js';
import { allOps, companiesByAccountId, liveAccountIds, startSyncHarness } from '../support/sync-world.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

test('R9.2 R9.3 207 partial failure: failed records are journaled, queued and logged; a resync retries only them', async () => {
  harness = await startSyncHarness(tempDir());
  const { sandbox, services } = harness;
  const { db, engine } = services;
  sandbox.hubspot.faults.configure(parseFaultSpec('partial=0.2,seed=11'));
  const run = await engine.run({ kind: 'import', dryRun: false });
  expect(run.state).toBe('completed');
  const ops = allOps(db, run.runId).filter((op) => op.system === 'hubspot');
  const failed = ops.filter((op) => op.state === 'failed');
  expect(failed.length).toBeGreaterThan(10);
  expect(ops.filter((op) => op.operation === 'create' || op.operation === 'update').length).toBe(
    failed.length + ops.filter((op) => op.state === 'confirmed').length,
  );
  for (const op of failed) {
    expect(op.errorCategory).toBeTruthy();
    expect(op.errorMessage).toMatch(/internal error/i);
  }
  const queued = retryEntries(db).filter((e) => e.system === 'hubspot');
  expect(queued.map((e) => e.recordId).sort()).toEqual(failed.map((op) => op.sfAccountId).sort());
  expect(queryLog(db, { runId: run.runId, outcome: 'failed' }).filter((e) => e.operation !== 'field')).toHaveLength(
    failed.length,
  );

  // Faults off, resync exactly the failed accounts: only their records reach HubSpot again.
  sandbox.hubspot.faults.configure(parseFaultSpec(''));
  const stamps = new Map([...sandbox.hubspot.store.tables.companies.scan()].map((c) => [c.id, c.updatedAt]));
  const failedIds = failed.map((op) => op.sfAccountId as string);
  const resync = await engine.resyncErrors()?.finished;
  if (!resync) throw new Error('the retry queue should not be empty');
  expect(resync.state).toBe('completed');
  expect(resync.counts.failed).toBe(0);
  const touched = [...sandbox.hubspot.store.tables.companies.scan()].filter((c) => stamps.get(c.id) !== c.updatedAt);
  const byAccount = companiesByAccountId(sandbox);
  expect(touched.map((c) => c.id).sort()).toEqual(failedIds.map((id) => byAccount.get(id)?.[0]?.id).sort());
  expect(retryEntries(db).filter((e) => e.system === 'hubspot')).toEqual([]);
});

test('R8.1 5xx, dropped connections and a 429: the import completes with every record exactly once', async () => {
  harness = await startSyncHarness(tempDir());
  const { sandbox, services } = harness;
  sandbox.hubspot.faults.configure(parseFaultSpec('burst429=1,5xx=0.2,drop=0.15,seed=5'));
  const companiesBefore = sandbox.hubspot.store.companyCount;
  // A call that still fails after the connector's retries pauses the run (nothing lost); running again resumes it.
  let run = await services.engine.run({ kind: 'import', dryRun: false });
  for (let i = 0; run.state === 'paused' && i < 10; i++) {
    run = await services.engine.run({ kind: 'import', dryRun: false });
  }
  expect(run.state).toBe('completed');
  const ops = allOps(services.db, run.runId);
  expect(ops.filter((op) => op.state === 'failed')).toEqual([]);
  const held = new Set(ops.filter((op) => op.operation === 'hold').map((op) => op.sfAccountId));
  const byAccount = companiesByAccountId(sandbox);
  for (const id of liveAccountIds(sandbox)) if (!held.has(id)) expect(byAccount.get(id)?.length, id).toBe(1);
  expect(sandbox.hubspot.store.companyCount).toBe(companiesBefore + ops.filter((o) => o.operation === 'create').length);
  // The one 429 is waited out (about one 10-second window, R8.1) rather than dropped.
  expect(sandbox.hubspot.callCounts().rateLimited).toBe(1);
}, 60_000);
