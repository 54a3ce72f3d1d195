/**
 * R9.5 a revert is journaled like an import: SIGKILLed mid-execution in its own process and resumed, it leaves
 * exactly what an uninterrupted revert leaves — every changed field restored, every created company archived once.
 */
import { afterEach, expect, test } from 'vitest';
import type { Services } from '../../main/app/services.js';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';
import { connectDataFolder } from '../support/engine-harness.js';
import { killMidRun, newestRunProgress, resumeKilledRun } from '../support/run-progress.js';
import { allOps } from '../support/sync-world.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();
const open: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

/** Confirmed ops of the folder's newest revert run (read-only, while the child writes). */
const revertProgress = (dataDir: string) => newestRunProgress(dataDir, 'revert');

const liveCompanies = (sandbox: Sandbox) =>
  [...sandbox.hubspot.store.tables.companies.scan()].filter((c) => !c.archived);

test('R9.5 R2.5 a revert SIGKILLed mid-run and resumed restores every field and archives each created company once', async () => {
  const sandbox = await startSandbox({ accounts: 1000, seed: 7, hsLimit: 'off' });
  open.push(() => sandbox.close());
  const dataDir = tempDir();
  const companiesBefore = liveCompanies(sandbox).length;
  const before = new Map(liveCompanies(sandbox).map((c) => [c.id, { ...c.properties }]));
  let services: Services = await connectDataFolder(dataDir, sandbox);
  services.settings.update({ syncCompanies: true });
  const imported = await services.engine.run({ kind: 'import', dryRun: false });
  expect(imported.state).toBe('completed');
  services.close();

  const atKill = await killMidRun(sandbox, dataDir, ['runs', 'revert', imported.runId, '--delete-created'], () =>
    revertProgress(dataDir),
  );
  expect(atKill.confirmed).toBeLessThan(atKill.planned);

  services = await resumeKilledRun(sandbox, dataDir, atKill, open);

  // Created companies archived, once each; every field the import changed back to its before-value.
  expect(liveCompanies(sandbox).length).toBe(companiesBefore);
  let checked = 0;
  for (const op of allOps(services.db, imported.runId, 'update')) {
    if (op.state !== 'confirmed' || op.system !== 'hubspot') continue;
    for (const change of op.diff) {
      const now = sandbox.hubspot.store.getCompany(op.hsCompanyId as string)?.properties[change.field] ?? null;
      expect(now || null, `${op.hsCompanyId} ${change.field}`).toBe(
        before.get(op.hsCompanyId as string)?.[change.field] || null,
      );
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(100);
}, 180_000);
