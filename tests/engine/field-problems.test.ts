/** R7.7 picklist values without a counterpart and R7.5 owners without a match: per field, never per batch. */
import { afterEach, expect, test } from 'vitest';
import { queryLog } from '../../main/engine/log/log-store.js';
import type { Harness } from '../support/engine-harness.js';
import { allOps, companyOf, importAll, startSyncHarness } from '../support/sync-world.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

test('R7.7 an SF Industry missing from HS options is a PROPERTY_VALUE error on that record; the batch is written', async () => {
  harness = await startSyncHarness(tempDir());
  const run = await importAll(harness);
  expect(run.counts.failed).toBe(0);
  const { db } = harness.services;
  const errors = queryLog(db, { runId: run.runId, category: 'PROPERTY_VALUE', limit: 10_000 });
  const industryErrors = errors.filter((e) => e.message?.startsWith('industry:'));
  expect(industryErrors.length).toBeGreaterThan(0);
  for (const entry of industryErrors) {
    expect(entry).toMatchObject({ outcome: 'rejected', reason: 'PICKLIST_VALUE_MISSING', direction: 'sf_to_hs' });
    const industry = harness.sandbox.salesforce.store.getAccount(entry.sfAccountId as string)?.Industry;
    expect(entry.message).toContain(`"${industry}"`);
    expect(entry.after).toEqual({ industry });
  }
  // The records with the bad value were still written, everything but that field.
  const created = allOps(db, run.runId, 'create').filter((op) =>
    industryErrors.some((e) => e.sfAccountId === op.sfAccountId),
  );
  expect(created.length).toBeGreaterThan(0);
  for (const op of created) {
    const company = companyOf(harness.sandbox, op.sfAccountId as string);
    expect(op.state).toBe('confirmed');
    expect(company.properties.name).toBeTruthy();
    expect(company.properties.industry ?? null).toBeNull();
  }
});

test('R7.5 an owner is synced only when an active SF user and an HS owner match; otherwise a warning is logged', async () => {
  harness = await startSyncHarness(tempDir());
  const run = await importAll(harness);
  const { db } = harness.services;
  const warnings = queryLog(db, { runId: run.runId, outcome: 'warning', limit: 10_000 }).filter((e) =>
    e.message?.startsWith('hubspot_owner_id:'),
  );
  expect(warnings.length).toBeGreaterThan(0);
  const sf = harness.sandbox.salesforce.store;
  const owners = harness.sandbox.hubspot.store.owners();
  for (const op of allOps(db, run.runId, 'create')) {
    const account = sf.getAccount(op.sfAccountId as string);
    const user = account ? sf.getUser(account.OwnerId) : undefined;
    const match = owners.find(
      (o) => user?.IsActive && `${o.firstName} ${o.lastName}` === user.Name && o.email === user.Email.toLowerCase(),
    );
    const ownerId = companyOf(harness.sandbox, op.sfAccountId as string).properties.hubspot_owner_id ?? null;
    expect(ownerId).toBe(match?.id ?? null);
    const warned = warnings.some((w) => w.sfAccountId === op.sfAccountId);
    expect(warned).toBe(match === undefined);
  }
});
