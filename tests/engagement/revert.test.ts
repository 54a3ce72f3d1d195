/**
 * R9.5 revert a run against the sandbox with the real clients: every field the import changed goes back to its
 * before-value in HubSpot and Salesforce, a value changed again since is held (not overwritten), created companies
 * stay unless asked, and reverting the revert restores the import's values.
 */
import { afterEach, expect, test } from 'vitest';
import type { RunSummary } from '../../shared/contract/index.js';
import type { Harness } from '../support/engine-harness.js';
import { allOps, editCompany, importAll, startSyncHarness } from '../support/sync-world.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

type Snapshot = {
  companies: Map<string, Record<string, string | null>>;
  accounts: Map<string, Record<string, unknown>>;
};

function snapshot(h: Harness): Snapshot {
  const companies = new Map<string, Record<string, string | null>>();
  for (const c of h.sandbox.hubspot.store.tables.companies.scan())
    if (!c.archived) companies.set(c.id, { ...c.properties });
  const accounts = new Map<string, Record<string, unknown>>();
  for (const a of h.sandbox.salesforce.store.rows('Account')) accounts.set(a.Id, { ...a });
  return { companies, accounts };
}

const revert = (h: Harness, runId: string, dryRun: boolean, deleteCreated = false): Promise<RunSummary> =>
  h.services.engine.startKind('revert', { revertOf: runId, deleteCreated }, dryRun).finished;

/** Every field an import's confirmed updates changed, with the value it should have in `expected`. */
function expectFieldsAsIn(h: Harness, importId: string, expected: Snapshot, except: Set<string> = new Set()) {
  const now = snapshot(h);
  let checked = 0;
  for (const op of allOps(h.services.db, importId)) {
    if (op.state !== 'confirmed' || op.operation !== 'update') continue;
    for (const change of op.diff) {
      const key = `${op.hsCompanyId}:${change.field}`;
      if (except.has(key)) continue;
      const [want, have] =
        op.system === 'hubspot'
          ? [
              expected.companies.get(op.hsCompanyId!)?.[change.field],
              now.companies.get(op.hsCompanyId!)?.[change.field],
            ]
          : [expected.accounts.get(op.sfAccountId!)?.[change.field], now.accounts.get(op.sfAccountId!)?.[change.field]];
      expect(text(have), `${op.system} ${key}`).toBe(text(want));
      checked++;
    }
  }
  return checked;
}

test('R9.5 a revert restores every field the import changed, holds a value changed since, and reverts back', async () => {
  harness = await startSyncHarness(tempDir());
  const h = harness;
  const before = snapshot(h);
  const imported = await importAll(h);
  const afterImport = snapshot(h);
  const updates = allOps(h.services.db, imported.runId, 'update').filter(
    (op) => op.state === 'confirmed' && op.diff.length,
  );
  expect(updates.some((op) => op.system === 'hubspot')).toBe(true);
  expect(updates.some((op) => op.system === 'salesforce')).toBe(true);

  // A person edits one of the fields the import wrote: the revert must leave it as the person left it.
  const touched = updates.find((op) => op.system === 'hubspot')!;
  const field = touched.diff[0]!.field;
  editCompany(h.sandbox, touched.hsCompanyId!, { [field]: 'Edited after the import' });

  const dry = await revert(h, imported.runId, true);
  expect(dry.state).toBe('completed');
  expect(dry.counts.update).toBeGreaterThan(0);
  expect(dry.counts.hold).toBe(1);
  expect(snapshot(h).companies.get(touched.hsCompanyId!)?.[field]).toBe('Edited after the import');

  const real = await revert(h, imported.runId, false);
  expect(real.state).toBe('completed');
  expect(real.kind).toBe('revert');
  expect(real.counts.failed).toBe(0);
  const conflict = `${touched.hsCompanyId}:${field}`;
  expect(expectFieldsAsIn(h, imported.runId, before, new Set([conflict]))).toBeGreaterThan(50);
  expect(snapshot(h).companies.get(touched.hsCompanyId!)?.[field]).toBe('Edited after the import');
  const held = allOps(h.services.db, real.runId, 'hold');
  expect(held).toHaveLength(1);
  expect(held[0]!.reason).toBe('CHANGED_SINCE_RUN');
  expect(JSON.parse(held[0]!.detail!).message).toContain(`${field} changed again after run ${imported.runId}`);
  // Companies the import created are kept unless asked.
  expect(snapshot(h).companies.size).toBe(afterImport.companies.size);

  // Reverting the revert puts the import's values back.
  const again = await revert(h, real.runId, false);
  expect(again.state).toBe('completed');
  expect(again.counts.failed).toBe(0);
  expect(expectFieldsAsIn(h, imported.runId, afterImport, new Set([conflict]))).toBeGreaterThan(50);
});

test('R9.5 with "delete created", companies the import created are archived in HubSpot', async () => {
  harness = await startSyncHarness(tempDir());
  const h = harness;
  const companiesBefore = snapshot(h).companies.size;
  const imported = await importAll(h);
  expect(imported.counts.created).toBeGreaterThan(0);
  const run = await revert(h, imported.runId, false, true);
  expect(run.state).toBe('completed');
  expect(run.counts.failed).toBe(0);
  expect(snapshot(h).companies.size).toBe(companiesBefore);
  // The links of archived companies are gone locally too: nothing points at an archived company.
  const dangling = h.services.db
    .prepare('SELECT COUNT(*) FROM links l JOIN hs_companies c ON c.id = l.hs_company_id WHERE c.archived = 1')
    .pluck()
    .get();
  expect(dangling).toBe(0);
  // Reverting a dry run or an unknown run is refused with a reason.
  const dry = await h.services.engine.run({ kind: 'import', dryRun: true });
  expect(() => h.services.engine.startKind('revert', { revertOf: dry.runId }, true)).toThrow(/dry run/);
  expect(() => h.services.engine.startKind('revert', { revertOf: 'run_nope' }, true)).toThrow(/No run run_nope/);
});

test('R9.5 records deleted since the run: each is named with why, the rest is restored, nothing waits for a retry', async () => {
  harness = await startSyncHarness(tempDir());
  const h = harness;
  const before = snapshot(h);
  const imported = await importAll(h);
  const updates = allOps(h.services.db, imported.runId, 'update').filter(
    (op) => op.state === 'confirmed' && op.diff.length,
  );
  const company = updates.find((op) => op.system === 'hubspot')!;
  const account = updates.find((op) => op.system === 'salesforce' && op.hsCompanyId !== company.hsCompanyId)!;
  // Since the run, someone archived a company in HubSpot and deleted an account in Salesforce.
  h.sandbox.hubspot.store.tables.companies.archive(company.hsCompanyId!, new Date().toISOString());
  h.sandbox.salesforce.store.delete('Account', account.sfAccountId!);

  const real = await revert(h, imported.runId, false);
  expect(real.state).toBe('completed');
  // Salesforce reports its deletes, so the account is known gone before planning: held, with why.
  const held = allOps(h.services.db, real.runId, 'hold').filter((op) => op.reason === 'RECORD_GONE');
  expect(held.map((op) => JSON.parse(op.detail!).message)).toEqual([
    `Account ${account.sfAccountId} is deleted in Salesforce since run ${imported.runId}; nothing to restore.`,
  ]);
  // HubSpot does not report archives to a sync: the write finds the company gone, says so, and is not retried.
  const failed = allOps(h.services.db, real.runId).filter((op) => op.state === 'failed');
  expect(failed.map((op) => [op.hsCompanyId, op.errorMessage])).toEqual([
    [
      company.hsCompanyId,
      `OBJECT_NOT_FOUND: Company ${company.hsCompanyId} no longer exists in HubSpot (archived or deleted after it was read); nothing was written to it.`,
    ],
  ]);
  const retries = h.services.db.prepare('SELECT COUNT(*) AS n FROM retry_queue WHERE record_id = ?');
  expect(retries.get(company.sfAccountId ?? company.hsCompanyId)).toEqual({ n: 0 });
  // Every other field the import changed is back to its before-value.
  const except = new Set(
    updates
      .filter((op) => op.hsCompanyId === company.hsCompanyId || op.sfAccountId === account.sfAccountId)
      .flatMap((op) => op.diff.map((change) => `${op.hsCompanyId}:${change.field}`)),
  );
  expect(expectFieldsAsIn(h, imported.runId, before, except)).toBeGreaterThan(50);

  // The cache learned the company is gone: planning the same revert again holds it instead of writing to it.
  const again = await revert(h, imported.runId, true);
  const gone = allOps(h.services.db, again.runId, 'hold').filter((op) => op.reason === 'RECORD_GONE');
  expect(gone.map((op) => op.hsCompanyId)).toContain(company.hsCompanyId);
});
