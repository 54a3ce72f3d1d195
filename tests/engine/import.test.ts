import { afterEach, expect, test } from 'vitest';
import { type Harness, startHarness } from '../support/engine-harness.js';
import { allOps, companiesByAccountId, countBy, liveAccountIds } from '../support/sync-world.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

test('R1.2 an import with the switch off is refused before anything runs', async () => {
  harness = await startHarness(tempDir());
  const companiesBefore = harness.sandbox.hubspot.store.companyCount;
  await expect(harness.services.engine.run({ kind: 'import', dryRun: false })).rejects.toMatchObject({
    code: 'SYNC_OFF',
  });
  expect(harness.sandbox.hubspot.store.companyCount).toBe(companiesBefore);
});

test('R2.3a import: the dry run lists creates, updates, holds with reasons and diffs; the real run writes them', async () => {
  harness = await startHarness(tempDir());
  const { engine, settings, db } = harness.services;
  const { sandbox } = harness;
  const dry = await engine.run({ kind: 'import', dryRun: true });
  const ops = allOps(db, dry.runId);
  // Every account gets exactly one SF → HS decision (HS → SF back-writes are extra ops of linked pairs).
  const decisions = ops.filter((op) => op.system === 'hubspot');
  expect(new Set(decisions.map((op) => op.sfAccountId)).size).toBe(sandbox.counts.sfAccounts);
  expect(decisions).toHaveLength(sandbox.counts.sfAccounts);
  for (const op of ops) expect(op.reason).toMatch(/^[A-Z_]+$/);
  const creates = ops.filter((op) => op.operation === 'create');
  expect(creates.length).toBe(dry.counts.create);
  for (const op of creates) {
    expect(op.diff.length).toBeGreaterThan(0);
    expect(op.diff.every((c) => c.before === null)).toBe(true);
  }
  const updates = ops.filter((op) => op.operation === 'update');
  expect(updates.length).toBeGreaterThan(0);
  for (const op of updates) expect(op.diff.some((c) => c.before !== c.after) || op.payload).toBeTruthy();
  const holds = ops.filter((op) => op.operation === 'hold');
  for (const op of holds) expect(JSON.parse(op.detail ?? '{}').candidates.length).toBeGreaterThan(1);
  // A dry run writes nothing anywhere.
  expect(sandbox.hubspot.store.companyCount).toBe(sandbox.counts.hsCompanies);
  expect(db.prepare('SELECT COUNT(*) FROM links').pluck().get()).toBe(0);

  settings.update({ syncCompanies: true });
  const real = await engine.run({ kind: 'import', dryRun: false });
  expect(real.state).toBe('completed');
  expect(real.counts).toMatchObject({ created: dry.counts.create, failed: 0, pending: 0 });
  expect(countBy(allOps(db, real.runId), (op) => `${op.operation}:${op.reason}`)).toEqual(
    countBy(ops, (op) => `${op.operation}:${op.reason}`),
  );
  expect(sandbox.hubspot.store.companyCount).toBe(sandbox.counts.hsCompanies + dry.counts.create);
});

test('R0.1 R0.3 a second import changes nothing: one company per account id, no more companies', async () => {
  harness = await startHarness(tempDir());
  const { engine, settings } = harness.services;
  const { sandbox } = harness;
  settings.update({ syncCompanies: true });
  await engine.run({ kind: 'import', dryRun: false });
  const companies = sandbox.hubspot.store.companyCount;
  const again = await engine.run({ kind: 'import', dryRun: false });
  expect(again.counts.create + again.counts.update).toBe(0);
  expect(sandbox.hubspot.store.companyCount).toBe(companies);
  const byAccount = companiesByAccountId(sandbox);
  const holds = allOps(harness.services.db, again.runId, 'hold');
  const held = new Set(holds.map((op) => op.sfAccountId));
  for (const id of liveAccountIds(sandbox)) {
    // Held accounts are either unlinked (ambiguous) or the seed's one duplicate link (two claimants, reported).
    const expected = held.has(id) ? (byAccount.get(id)?.length ?? 0) : 1;
    if (!held.has(id)) expect(byAccount.get(id)?.length, id).toBe(expected);
  }
  const duplicated = [...byAccount.values()].filter((list) => list.length > 1);
  expect(duplicated).toHaveLength(sandbox.expected.links.duplicateLinks);
});
