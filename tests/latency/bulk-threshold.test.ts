/**
 * The Bulk API 2.0 threshold is a setting: `sfhs settings set bulkThreshold N` validates N, and a write of more
 * records than N goes through an ingest job instead of Collections calls.
 */
import { expect, test } from 'vitest';
import { statedR3Settings } from '../hs-to-sf/support.js';
import { accountsForCompany, associate, newCompany, newContact } from '../hs-to-sf/world.js';
import { cliWorld } from '../cli/support.js';
import { harnessPerTest } from '../support/engine-harness.js';

const newHarness = harnessPerTest();

test('R8.3 sfhs settings set bulkThreshold refuses fewer than 200 records and non-numbers, and keeps a valid value', async () => {
  const world = await cliWorld({ accounts: 5 });
  const low = await world.sfhs('settings', 'set', 'bulkThreshold', '50');
  expect(low.code).not.toBe(0);
  expect(low.err).toMatch(/bulkThreshold/);
  expect((await world.sfhs('settings', 'set', 'bulkThreshold', 'many')).code).not.toBe(0);
  expect((await world.sfhs('settings', 'set', 'bulkThreshold', '5000')).code).toBe(0);
  const shown = await world.sfhs('settings', 'get', 'bulkThreshold');
  expect(shown.out.trim()).toBe('5000');
});

test('R8.3 with bulkThreshold 200, 250 accounts created from companies go in one Bulk API 2.0 job', async () => {
  const h = await newHarness();
  h.services.settings.update({ ...statedR3Settings(), syncCompanies: true, bulkThreshold: 200 });
  await h.services.engine.run({ kind: 'sync', dryRun: false }); // the baseline cycle
  const companies = Array.from({ length: 250 }, (_, i) => {
    const id = newCompany(h.sandbox, `Threshold Co ${i}`);
    associate(h.sandbox, id, newContact(h.sandbox, {}, true));
    return id;
  });
  const summary = await h.services.engine.run({ kind: 'sync', dryRun: false });
  expect(summary.state).toBe('completed');
  for (const id of companies) expect(accountsForCompany(h.sandbox, id)).toHaveLength(1);
  const { url, accessToken } = h.sandbox.info().salesforce;
  const jobs = (await (
    await fetch(`${url}/services/data/v62.0/jobs/ingest`, { headers: { Authorization: `Bearer ${accessToken}` } })
  ).json()) as { records: { operation: string }[] };
  expect(jobs.records.map((j) => j.operation)).toEqual(['upsert']);
}, 120_000);
