/**
 * R7.6 R2.5 an apply-mapping run is journaled like an import: SIGKILLed mid-execution in its own process and
 * resumed, it leaves what an uninterrupted run leaves — the field written on every linked company, each write
 * confirmed once, nothing else touched (checked through both wire APIs).
 */
import { afterEach, expect, test } from 'vitest';
import type { Services } from '../../main/app/services.js';
import { loadMappings, saveMappings } from '../../main/engine/state/mappings-store.js';
import { startSandbox } from '../../sandbox/index.js';
import { connectDataFolder } from '../support/engine-harness.js';
import { killMidRun, newestRunProgress, resumeKilledRun } from '../support/run-progress.js';
import { allOps, linkedPairs } from '../support/sync-world.js';
import { tempDirFactory } from '../support/temp.js';
import { changedFields, wireAccounts, wireCompanies } from './apply-wire.js';

const tempDir = tempDirFactory();
const open: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

/** Planned and confirmed HubSpot writes of the folder's newest apply-mapping run (while the child writes). */
const applyProgress = (dataDir: string) =>
  newestRunProgress(dataDir, 'apply-mapping', "operation = 'update' AND system = 'hubspot'");

test('R7.6 R2.5 an apply-mapping run SIGKILLed mid-run and resumed writes every linked company once', async () => {
  const sandbox = await startSandbox({ accounts: 1000, seed: 7, hsLimit: 'off' });
  open.push(() => sandbox.close());
  const dataDir = tempDir();
  let services: Services = await connectDataFolder(dataDir, sandbox);
  services.settings.update({ syncCompanies: true });
  const all = loadMappings(services.db);
  // Imported without BillingCity ↔ city (most accounts have a city), added afterwards (not retroactive, R7.6).
  saveMappings(
    services.db,
    all.filter((m) => m.sfField !== 'BillingCity'),
  );
  const imported = await services.engine.run({ kind: 'import', dryRun: false });
  expect(imported.state).toBe('completed');
  saveMappings(services.db, all);
  const pairs = linkedPairs(services.db);
  services.close();
  const [companiesBefore, accountsBefore] = [await wireCompanies(sandbox), await wireAccounts(sandbox)];

  const atKill = await killMidRun(sandbox, dataDir, ['mappings', 'apply', 'BillingCity'], () => applyProgress(dataDir));
  expect(atKill.confirmed).toBeLessThan(atKill.planned);

  services = await resumeKilledRun(sandbox, dataDir, atKill, open);

  // Every write of the run confirmed exactly once per record and system.
  const writes = allOps(services.db, atKill.runId as string, 'update');
  expect(writes.every((op) => op.state === 'confirmed')).toBe(true);
  const keys = writes.map((op) => `${op.system}:${op.sfAccountId}`);
  expect(new Set(keys).size).toBe(keys.length);

  // The same result as an uninterrupted run: the field agrees on every pair (Prefer Salesforce unless blank).
  const [companiesAfter, accountsAfter] = [await wireCompanies(sandbox), await wireAccounts(sandbox)];
  expect(companiesAfter.size).toBe(companiesBefore.size);
  for (const { accountId, companyId } of pairs) {
    const want = accountsBefore.get(accountId)?.BillingCity ?? companiesBefore.get(companyId)?.city ?? null;
    expect(companiesAfter.get(companyId)?.city, companyId).toBe(want);
    expect(accountsAfter.get(accountId)?.BillingCity, accountId).toBe(want);
  }
  const others = (changes: string[]) => changes.filter((c) => !/\.(city|BillingCity)$/.test(c));
  expect(others(changedFields(companiesBefore, companiesAfter))).toEqual([]);
  expect(others(changedFields(accountsBefore, accountsAfter))).toEqual([]);
}, 240_000);
