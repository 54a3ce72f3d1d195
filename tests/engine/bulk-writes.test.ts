/**
 * Salesforce writes above 2,000 records go through Bulk API 2.0 ingest jobs (real jsforce `conn.bulk2` against the
 * sandbox), journaled per job and per row: a run SIGKILLed mid-job resumes it and every row is written once.
 */
import { fileURLToPath } from 'node:url';
import { expect, test, vi } from 'vitest';
import { BULK_WRITE_THRESHOLD } from '../../main/engine/execute/bulk-writes.js';
import { listRuns } from '../../main/engine/runs/runs-store.js';
import { statedR3Settings } from '../hs-to-sf/support.js';
import { accountsForCompany, associate, newCompany, newContact } from '../hs-to-sf/world.js';
import { runDyingChild } from '../support/dying-child.js';
import { type Harness, harnessPerTest } from '../support/engine-harness.js';

const newHarness = harnessPerTest();
const child = fileURLToPath(new URL('./support/bulk-kill-child.ts', import.meta.url));
const COMPANIES = BULK_WRITE_THRESHOLD + 100;

/** Companies that each qualify for an account (a contact on the inclusion list, R3.2c). */
async function qualifyingCompanies(h: Harness): Promise<string[]> {
  h.services.settings.update({ ...statedR3Settings(), syncCompanies: true });
  await h.services.engine.run({ kind: 'sync', dryRun: false }); // the baseline cycle
  return Array.from({ length: COMPANIES }, (_, i) => {
    const id = newCompany(h.sandbox, `Bulk Co ${i}`);
    associate(h.sandbox, id, newContact(h.sandbox, {}, true));
    return id;
  });
}

/** Exactly one account per company, never written after its creation (a second write would move SystemModstamp). */
function expectWrittenOnce(h: Harness, companies: string[]): void {
  for (const id of companies) {
    const accounts = accountsForCompany(h.sandbox, id);
    expect(accounts).toHaveLength(1);
    expect(accounts[0]?.SystemModstamp).toBe(accounts[0]?.CreatedDate);
    expect(h.sandbox.hubspot.store.getCompany(id)?.properties.salesforceaccountid).toBe(accounts[0]?.Id);
  }
}

test(`R8.3 ${COMPANIES} accounts created from companies go in one Bulk API 2.0 job, not ${Math.ceil(COMPANIES / 200)} Collections calls`, async () => {
  const harness = await newHarness();
  const companies = await qualifyingCompanies(harness);
  const summary = await harness.services.engine.run({ kind: 'sync', dryRun: false });
  expect(summary.state).toBe('completed');
  expectWrittenOnce(harness, companies);
  const { url, accessToken } = harness.sandbox.info().salesforce;
  const api = async (path: string) =>
    (await (
      await fetch(`${url}/services/data/v62.0${path}`, { headers: { Authorization: `Bearer ${accessToken}` } })
    ).json()) as Record<string, unknown>;
  const jobs = (await api('/jobs/ingest')).records as { id: string; operation: string }[];
  expect(jobs.map((j) => j.operation)).toEqual(['upsert']);
  expect(await api(`/jobs/ingest/${jobs[0]?.id}`)).toMatchObject({
    numberRecordsProcessed: COMPANIES,
    numberRecordsFailed: 0,
  });
}, 120_000);

test.each(['after-upload', 'after-close'])(
  'R8.3 idempotency: SIGKILL %s of a Bulk API 2.0 job, then resume: every row written once',
  async (moment) => {
    const harness = await newHarness();
    const companies = await qualifyingCompanies(harness);
    // One writer per data folder: this process lets go while the child writes (it takes the lock back to resume).
    harness.services.lock.release();
    expect(await runDyingChild(child, harness.dataDir, moment)).toBe('SIGKILL');
    const killed = listRuns(harness.services.db, 1)[0];
    expect(killed?.state).toBe('running');
    const created = () => companies.filter((id) => accountsForCompany(harness.sandbox, id).length > 0).length;
    // A closed job is processed by the org on its own, with no one polling; an Open one never is.
    if (moment === 'after-close') await vi.waitFor(() => expect(created()).toBe(COMPANIES), { timeout: 10_000 });
    else {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(created()).toBe(0);
    }

    const resumed = await harness.services.engine.resume(killed?.id as string);
    expect(resumed.state).toBe('completed');
    expectWrittenOnce(harness, companies);
  },
  180_000,
);
