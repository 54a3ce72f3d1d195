/** R7.6 `sfhs mappings apply FIELD [--direction …] [--dry-run]` against the sandbox, through the real CLI. */
import { expect, test } from 'vitest';
import { cliWorld } from '../cli/support.js';

test('R7.6 sfhs mappings apply: the dry run shows the diff and writes nothing, the real run writes the field', async () => {
  const world = await cliWorld();
  await world.syncOn();
  // Mappings are checked against both systems' fields, which a first (dry) read learns.
  expect((await world.sfhs('import', '--dry-run')).code).toBe(0);
  const removed = await world.sfhs('mappings', 'remove', 'Description');
  expect(removed.code, removed.err).toBe(0);
  const imported = await world.sfhs('import', '--json');
  expect(imported.code, imported.err).toBe(0);
  const added = await world.sfhs('mappings', 'add', 'Description', 'description');
  expect(added.code, added.err).toBe(0);
  expect(added.out).toContain('sfhs mappings apply Description --dry-run');

  const descriptions = () =>
    [...world.sandbox.hubspot.store.tables.companies.scan()].map((c) => c.properties.description ?? null);
  const before = descriptions();
  const preview = await world.sfhs('mappings', 'apply', 'Description', '--dry-run');
  expect(preview.code, preview.err).toBe(0);
  expect(preview.out).toContain('Preview (dry run — nothing was written): apply-mapping');
  expect(preview.out).toMatch(/Planned writes \(first \d+ of \d+\)/);
  expect(preview.out).toContain('Apply for real: sfhs mappings apply Description');
  expect(descriptions()).toEqual(before);

  const real = await world.sfhs('mappings', 'apply', 'Description', '--direction', 'to-hubspot', '--json');
  expect(real.code, real.err).toBe(0);
  expect(real.json()).toMatchObject({ kind: 'apply-mapping', state: 'completed', direction: 'to_hubspot' });
  expect(descriptions()).not.toEqual(before);

  const unknown = await world.sfhs('mappings', 'apply', 'Fax');
  expect(unknown.code).not.toBe(0);
  expect(unknown.err).toContain('No field mapping for "Fax"');
  const wrong = await world.sfhs('mappings', 'apply', 'Description', '--direction', 'sideways');
  expect(wrong.code).not.toBe(0);
  expect(wrong.err).toContain('--direction must be one of both, to-hubspot, to-salesforce');
});
