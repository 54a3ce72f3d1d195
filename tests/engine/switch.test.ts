/** R1.3 / R2.2 / R2.4: what the incremental sync picks up once company sync is on, and what it leaves alone. */
import { afterEach, expect, test } from 'vitest';
import { loadMappings, saveMappings } from '../../main/engine/state/mappings-store.js';
import type { Harness } from '../support/engine-harness.js';
import {
  accountWrites,
  companiesByAccountId,
  companyOf,
  createdPair,
  editAccount,
  importAll,
  startSyncHarness,
  syncNow,
} from '../support/sync-world.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

test('R1.3 turning the switch on does not back-fill: a sync leaves existing accounts alone', async () => {
  harness = await startSyncHarness(tempDir());
  const companies = harness.sandbox.hubspot.store.companyCount;
  const linkedBefore = companiesByAccountId(harness.sandbox).size;
  const first = await syncNow(harness);
  const second = await syncNow(harness);
  for (const run of [first, second]) expect(accountWrites(harness.services.db, run.runId)).toEqual([]);
  expect(harness.sandbox.hubspot.store.companyCount).toBe(companies);
  expect(companiesByAccountId(harness.sandbox).size).toBe(linkedBefore);
});

test('R2.2 an account created after the switch is on becomes a company at the next sync', async () => {
  harness = await startSyncHarness(tempDir());
  await syncNow(harness); // the baseline read
  const store = harness.sandbox.salesforce.store;
  const owner = store.users().find((u) => u.IsActive)?.Id ?? 'unknown';
  const account = store.insert('Account', { Name: 'Brand New Ltd', Phone: '+1 555 0200' }, owner);
  const run = await syncNow(harness);
  expect(accountWrites(harness.services.db, run.runId).map((op) => [op.sfAccountId, op.operation, op.state])).toEqual([
    [account.Id, 'create', 'confirmed'],
  ]);
  expect(companyOf(harness.sandbox, account.Id).properties).toMatchObject({
    name: 'Brand New Ltd',
    phone: '+1 555 0200',
  });
});

test('R2.4 a change to an unmapped field triggers nothing; a mapped one does', async () => {
  harness = await startSyncHarness(tempDir());
  const { db } = harness.services;
  saveMappings(
    db,
    loadMappings(db).filter((m) => m.sfField !== 'Description'),
  );
  const imported = await importAll(harness);
  const { accountId, companyId } = createdPair(harness, imported.runId);
  const company = () => harness!.sandbox.hubspot.store.getCompany(companyId);
  const stamp = company()?.updatedAt;
  editAccount(harness.sandbox, accountId, { Description: 'unmapped change' });
  const quiet = await syncNow(harness);
  expect(accountWrites(db, quiet.runId)).toEqual([]);
  expect(company()?.updatedAt).toBe(stamp);
  editAccount(harness.sandbox, accountId, { BillingCity: 'Reykjavik' });
  const mapped = await syncNow(harness);
  expect(accountWrites(db, mapped.runId).map((op) => [op.sfAccountId, op.state])).toEqual([[accountId, 'confirmed']]);
  expect(company()?.properties.city).toBe('Reykjavik');
});
