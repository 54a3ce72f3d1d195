/** R9.1 every write and every decision not to write is in the log, field by field, and no secret ever is. */
import { afterEach, expect, test } from 'vitest';
import { iterateLog } from '../../main/engine/log/log-store.js';
import type { Harness } from '../support/engine-harness.js';
import { allOps, createdPair, editAccount, importAll, startSyncHarness, syncNow } from '../support/sync-world.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

test('R9.1 each journaled op of real runs has its log entry with run, direction, ids, reason and before/after', async () => {
  harness = await startSyncHarness(tempDir());
  const { db } = harness.services;
  const imported = await importAll(harness);
  const pair = createdPair(harness, imported.runId);
  editAccount(harness.sandbox, pair.accountId, { BillingCity: 'Tromsø' });
  const synced = await syncNow(harness);
  for (const runId of [imported.runId, synced.runId]) {
    const entries = [...iterateLog(db, { runId })];
    for (const op of allOps(db, runId)) {
      const entry = entries.find(
        (e) =>
          e.operation === op.operation &&
          e.reason === op.reason &&
          e.sfAccountId === op.sfAccountId &&
          e.hsCompanyId === op.hsCompanyId,
      );
      expect(entry, `${op.operation} ${op.reason} ${op.sfAccountId}`).toBeDefined();
      expect(entry?.direction).toBe(op.system === 'hubspot' ? 'sf_to_hs' : 'hs_to_sf');
      if (op.operation === 'hold') expect(entry).toMatchObject({ outcome: 'held', category: 'DUPLICATES' });
      if (op.operation === 'skip') expect(entry?.outcome).toBe('skipped');
      if (op.operation === 'create' || op.operation === 'update') {
        expect(entry?.outcome).toBe('written');
        for (const change of op.diff) {
          expect(entry?.before?.[change.field]).toEqual(change.before);
          expect(entry?.after?.[change.field]).toEqual(change.after);
        }
      }
    }
  }
  const cityChange = [...iterateLog(db, { runId: synced.runId, recordId: pair.accountId })].find(
    (e) => e.outcome === 'written',
  );
  expect(cityChange).toMatchObject({ after: { city: 'Tromsø' }, direction: 'sf_to_hs', hsCompanyId: pair.companyId });
  expect(cityChange?.before?.city).not.toBe('Tromsø');
});

test('R9.1 no token or secret of either system appears anywhere in the log table', async () => {
  harness = await startSyncHarness(tempDir(), {}, { faults: 'partial=0.1,seed=2' });
  await harness.services.engine.run({ kind: 'import', dryRun: false });
  const info = harness.sandbox.info();
  const secrets = [
    info.salesforce.accessToken,
    info.salesforce.refreshToken,
    info.salesforce.clientSecret,
    info.hubspot.accessToken,
    info.hubspot.clientSecret,
  ];
  const rows = harness.services.db.prepare('SELECT * FROM log').all() as Record<string, unknown>[];
  expect(rows.length).toBeGreaterThan(0);
  const text = JSON.stringify(rows);
  for (const secret of secrets) expect(text.includes(secret), 'a secret in the log').toBe(false);
});
