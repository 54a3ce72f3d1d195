import { afterEach, expect, test } from 'vitest';
import { tempDirFactory } from '../support/temp.js';
import { type Harness, startHarness } from '../support/engine-harness.js';

const tempDir = tempDirFactory();
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

test('R1.2 an import with the switch off is refused before anything runs', async () => {
  harness = await startHarness(tempDir());
  await expect(harness.services.engine.run({ kind: 'import', dryRun: false })).rejects.toMatchObject({
    code: 'SYNC_OFF',
  });
});

test('R2.3a import: dry run plans, real run writes, second run changes nothing', async () => {
  harness = await startHarness(tempDir());
  const { engine, settings } = harness.services;
  const dry = await engine.run({ kind: 'import', dryRun: true });
  console.log('dry', dry.counts);
  expect(dry.counts.create).toBeGreaterThan(0);
  settings.update({ syncCompanies: true });
  const real = await engine.run({ kind: 'import', dryRun: false });
  console.log('real', real.counts, real.error);
  expect(real.state).toBe('completed');
  expect(real.counts.created).toBe(dry.counts.create);
  const again = await engine.run({ kind: 'import', dryRun: false });
  console.log('again', again.counts);
  expect(again.counts.create + again.counts.update).toBe(0);
});
