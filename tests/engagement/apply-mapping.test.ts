/**
 * R7.6 / R2.5 apply a mapping to existing records, against the sandbox with the real clients: a mapping added after
 * the import (not retroactive) is applied as its own run, which writes just that field on every linked record by
 * its sync rule, checked through both wire APIs; the run can be reverted; bad input is refused before anything runs.
 */
import { afterEach, expect, test } from 'vitest';
import type { RunSummary } from '../../shared/contract/index.js';
import { runOutcome } from '../../main/engine/outcome/run-outcome.js';
import { dispatch } from '../../main/ipc/dispatch.js';
import { loadMappings, saveMappings } from '../../main/engine/state/mappings-store.js';
import { replaceMappings } from '../../main/engine/state/mappings-service.js';
import type { Harness } from '../support/engine-harness.js';
import { importAll, linkedPairs, startSyncHarness } from '../support/sync-world.js';
import { tempDirFactory } from '../support/temp.js';
import { changedFields, wireAccounts, wireCompanies } from './apply-wire.js';

const tempDir = tempDirFactory();
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const apply = (h: Harness, field: string, dryRun: boolean, direction?: string): Promise<RunSummary> =>
  h.services.engine.startKind('apply-mapping', { field, ...(direction ? { direction } : {}) }, dryRun).finished;

/** An import made without the Description ↔ description mapping, which is then added back (R7.6: not retroactive). */
async function importedWithoutDescription(): Promise<Harness> {
  harness = await startSyncHarness(tempDir());
  const { db } = harness.services;
  const all = loadMappings(db);
  saveMappings(
    db,
    all.filter((m) => m.sfField !== 'Description'),
  );
  await importAll(harness);
  replaceMappings(db, harness.services.settings.get(), all);
  return harness;
}

test('R7.6 R7.3 applying a new mapping writes just that field on every linked record, by its rule', async () => {
  const h = await importedWithoutDescription();
  const pairs = linkedPairs(h.services.db);
  expect(pairs.length).toBeGreaterThan(100);
  const [companiesBefore, accountsBefore] = [await wireCompanies(h.sandbox), await wireAccounts(h.sandbox)];
  const differing = pairs.filter(
    (p) => companiesBefore.get(p.companyId)?.description !== accountsBefore.get(p.accountId)?.Description,
  );
  expect(differing.length).toBeGreaterThan(0);

  const dry = await apply(h, 'Description', true);
  expect(dry.state).toBe('completed');
  expect(dry.kind).toBe('apply-mapping');
  const preview = runOutcome(h.services.db, dry.runId);
  const wouldChange = preview.to_hubspot.planned.update + preview.to_salesforce.planned.update;
  expect(wouldChange).toBe(differing.length);
  expect(changedFields(companiesBefore, await wireCompanies(h.sandbox))).toEqual([]);

  const real = await apply(h, 'Description', false);
  expect(real.state).toBe('completed');
  expect(real.counts.failed).toBe(0);
  const [companiesAfter, accountsAfter] = [await wireCompanies(h.sandbox), await wireAccounts(h.sandbox)];
  // Prefer Salesforce unless blank: a Salesforce value wins, a blank Salesforce field takes HubSpot's.
  for (const { accountId, companyId } of pairs) {
    const sf = accountsBefore.get(accountId)?.Description ?? null;
    const hs = companiesBefore.get(companyId)?.description ?? null;
    const want = sf ?? hs;
    expect(companiesAfter.get(companyId)?.description, companyId).toBe(want);
    expect(accountsAfter.get(accountId)?.Description, accountId).toBe(want);
  }
  // Nothing but that field moved, on either side.
  const others = (changes: string[]) => changes.filter((c) => !/\.(description|Description)$/.test(c));
  expect(others(changedFields(companiesBefore, companiesAfter))).toEqual([]);
  expect(others(changedFields(accountsBefore, accountsAfter))).toEqual([]);
  expect(
    changedFields(companiesBefore, companiesAfter).length + changedFields(accountsBefore, accountsAfter).length,
  ).toBe(differing.length);

  // Applying it again finds every record up to date.
  const again = await apply(h, 'description', true);
  const second = runOutcome(h.services.db, again.runId);
  expect(second.to_hubspot.planned.update + second.to_salesforce.planned.update).toBe(0);

  // Logged field by field: the existing revert puts every value back.
  const reverted = await h.services.engine.startKind('revert', { revertOf: real.runId }, false).finished;
  expect(reverted.state).toBe('completed');
  expect(reverted.counts.failed).toBe(0);
  expect(changedFields(companiesBefore, await wireCompanies(h.sandbox))).toEqual([]);
  expect(changedFields(accountsBefore, await wireAccounts(h.sandbox))).toEqual([]);
});

test('R7.6 a direction narrows the run to writes into that system', async () => {
  const h = await importedWithoutDescription();
  const accountsBefore = await wireAccounts(h.sandbox);
  const companiesBefore = await wireCompanies(h.sandbox);
  const run = await apply(h, 'Description', false, 'to_hubspot');
  expect(run.state).toBe('completed');
  expect(changedFields(accountsBefore, await wireAccounts(h.sandbox))).toEqual([]);
  const changed = changedFields(companiesBefore, await wireCompanies(h.sandbox));
  expect(changed.length).toBeGreaterThan(0);
  expect(changed.every((c) => c.endsWith('.description'))).toBe(true);
});

test('R7.6 R7.1 R7.2 an unknown, removed, mismatched or missing-field mapping is refused with a category; no run', async () => {
  harness = await startSyncHarness(tempDir());
  const h = harness;
  await importAll(h);
  const { db, engine } = h.services;
  const runs = () => db.prepare("SELECT COUNT(*) FROM runs WHERE kind = 'apply-mapping'").pluck().get();
  const refusal = (field: string, direction?: string) => {
    try {
      engine.startKind('apply-mapping', { field, direction }, true);
    } catch (error) {
      return error as { code: string; message: string };
    }
    throw new Error(`apply ${field} was not refused`);
  };
  expect(refusal('Fax')).toMatchObject({
    code: 'NOT_FOUND',
    message: expect.stringContaining('No field mapping for "Fax"'),
  });

  const all = loadMappings(db);
  // A mapping saved when the types matched, whose HubSpot property became a number since.
  saveMappings(
    db,
    [
      ...all.filter((m) => m.sfField !== 'Description'),
      { sfField: 'Description', hsProperty: 'numberofemployees', rule: 'ALWAYS_SF' as const },
    ].filter((m) => m.sfField !== 'NumberOfEmployees'),
  );
  expect(refusal('Description')).toMatchObject({
    code: 'VALIDATION',
    message: expect.stringContaining('Mismatched types'),
  });
  // A field that is not on the Salesforce record.
  saveMappings(db, [...all, { sfField: 'Fax__c', hsProperty: 'fax', rule: 'ALWAYS_SF' }]);
  expect(refusal('Fax__c')).toMatchObject({
    code: 'VALIDATION',
    message: expect.stringContaining('has no field Fax__c'),
  });
  // A rule that never writes to Salesforce, asked to write there; and a mapping set to "Don't sync".
  saveMappings(
    db,
    all.map((m) =>
      m.sfField === 'Phone' ? { ...m, rule: 'ALWAYS_SF' } : m.sfField === 'BillingCity' ? { ...m, rule: 'NONE' } : m,
    ),
  );
  expect(refusal('Phone', 'to_salesforce')).toMatchObject({
    code: 'VALIDATION',
    message: expect.stringContaining('never writes to Salesforce'),
  });
  expect(refusal('city')).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining("Don't sync") });
  expect(runs()).toBe(0);
});

test('R7.6 the applyMapping operation through dispatch: a dry run answers with its plan; bad arguments are refused', async () => {
  const h = await importedWithoutDescription();
  const { handlers } = h.services;
  const silent = () => {};
  const dry = await dispatch(handlers, 'applyMapping', { field: 'description', dryRun: true }, silent);
  expect(dry).toMatchObject({ ok: true, value: { kind: 'apply-mapping', state: 'completed', dryRun: true } });
  expect(
    await dispatch(handlers, 'applyMapping', { field: 'Description', direction: 'up', dryRun: true }, silent),
  ).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION' },
  });
  expect(await dispatch(handlers, 'applyMapping', { field: 'Nope', dryRun: true }, silent)).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND', message: expect.stringContaining('No field mapping for "Nope"') },
  });
  // Turning company sync off stops a real run before it starts; a preview still works.
  h.services.settings.update({ syncCompanies: false });
  expect(await dispatch(handlers, 'applyMapping', { field: 'Description', dryRun: false }, silent)).toMatchObject({
    ok: false,
    error: { code: 'SYNC_OFF' },
  });
});
