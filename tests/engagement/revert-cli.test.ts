/** R9.5 `sfhs runs revert ID [--dry-run]` against the sandbox: a preview that writes nothing, then the revert. */
import { expect, test } from 'vitest';
import { cliWorld } from '../cli/support.js';

test('R9.5 sfhs runs revert: --dry-run plans the restore, the real run restores; a dry run cannot be reverted', async () => {
  const world = await cliWorld();
  await world.syncOn();
  const imported = await world.sfhs('import', '--json');
  expect(imported.code, imported.err).toBe(0);
  const importId = imported.json().runId as string;
  const companies = () => world.sandbox.hubspot.store.companyCount;
  const created = companies();

  const preview = await world.sfhs('runs', 'revert', importId, '--dry-run');
  expect(preview.code, preview.err).toBe(0);
  expect(preview.out).toContain('Revert for real: sfhs runs revert');
  expect(preview.out).toMatch(/Planned writes \(first \d+ of \d+\)/);

  const real = await world.sfhs('runs', 'revert', importId, '--delete-created', '--json');
  expect(real.code, real.err).toBe(0);
  const summary = real.json();
  expect(summary).toMatchObject({ kind: 'revert', state: 'completed', revertOf: importId });
  expect(summary.counts.updated).toBeGreaterThan(0);
  expect(summary.counts.failed).toBe(0);
  const live = [...world.sandbox.hubspot.store.tables.companies.scan()].filter((c) => !c.archived).length;
  expect(live).toBeLessThan(created);

  const dry = (await world.sfhs('import', '--dry-run', '--json')).json().runId as string;
  const refused = await world.sfhs('runs', 'revert', dry);
  expect(refused.code).toBe(6);
  expect(refused.err).toContain('dry run');
});
