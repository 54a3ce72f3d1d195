import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { opsPage } from '../../main/engine/runs/ops-store.js';
import { listRuns } from '../../main/engine/runs/runs-store.js';
import { runDyingChild } from '../support/dying-child.js';
import { harnessPerTest } from '../support/engine-harness.js';
import { statedR3Settings } from './support.js';
import { accountsForCompany, associate, newCompany, newContact } from './world.js';

const newHarness = harnessPerTest();
const child = fileURLToPath(new URL('./support/kill-child.ts', import.meta.url));

test.each(['before-write-back', 'after-upsert'])(
  'R3 idempotency: SIGKILL %s, then resume: one account per company, linked',
  async (moment) => {
    const harness = await newHarness();
    const { services, sandbox } = harness;
    services.settings.update({ ...statedR3Settings(), syncCompanies: true });
    await services.engine.run({ kind: 'sync', dryRun: false }); // the baseline cycle
    const companies = ['Crash A', 'Crash B', 'Crash C'].map((name) => {
      const id = newCompany(sandbox, name);
      associate(sandbox, id, newContact(sandbox, {}, true));
      return id;
    });

    // One writer per data folder: this process lets go while the child writes (it takes the lock back to resume).
    services.lock.release();
    expect(await runDyingChild(child, harness.dataDir, moment)).toBe('SIGKILL');
    const killed = listRuns(services.db, 1)[0];
    expect(killed?.state).toBe('running');
    for (const id of companies) {
      expect(accountsForCompany(sandbox, id)).toHaveLength(1);
      // Killed between the steps: the account exists, the company does not know it yet.
      expect(sandbox.hubspot.store.getCompany(id)?.properties.salesforceaccountid ?? null).toBeNull();
    }

    const resumed = await services.engine.resume(killed?.id as string);
    expect(resumed.state).toBe('completed');
    for (const id of companies) {
      const accounts = accountsForCompany(sandbox, id);
      expect(accounts).toHaveLength(1);
      expect(sandbox.hubspot.store.getCompany(id)?.properties.salesforceaccountid).toBe(accounts[0]?.Id);
    }
    const next = await services.engine.run({ kind: 'sync', dryRun: false });
    const creates = opsPage(services.db, next.runId, { operation: 'create' }).filter(
      (op) => op.system === 'salesforce',
    );
    expect(creates).toEqual([]);
    for (const id of companies) expect(accountsForCompany(sandbox, id)).toHaveLength(1);
  },
);
