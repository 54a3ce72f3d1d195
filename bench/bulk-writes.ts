/**
 * Bulk API 2.0 writes benchmark: N accounts (default 10,000) created from HubSpot companies in one sync cycle, against
 * the sandbox through the real clients. Prints Salesforce calls per created record (target ≤ 0.002), counting every
 * call of the cycle (its reads too) and, apart, the calls of the write itself (the cycle minus an idle cycle).
 *
 *   npm run bench -- bulk-writes [--companies N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createServices } from '../main/app/services.js';
import { connectToSandbox } from '../main/demo/connect-sandbox.js';
import { BULK_WRITE_THRESHOLD } from '../main/engine/execute/bulk-writes.js';
import { createObject } from '../sandbox/hubspot/writes.js';
import { startSandbox } from '../sandbox/index.js';
import { SEED_INCLUSION_LIST_ID } from '../sandbox/seed/index.js';
import { machine, seconds, timed } from './support/measure.js';
import { updateDocSection } from './support/report.js';

const { values } = parseArgs({ options: { companies: { type: 'string', default: '10000' } }, strict: false });
const companies = Number(values.companies);
const TARGET = 0.002;

const dataDir = mkdtempSync(join(tmpdir(), 'sfhs-bench-bulk-'));
const sandbox = await startSandbox({ accounts: 200, seed: 7, hsLimit: 'off' });
const services = createServices({ dataDir, runtime: 'cli', version: 'bench' });
try {
  await connectToSandbox(services.connections, sandbox.info());
  services.settings.update({
    defaultSfObjectForNewContacts: 'Contact',
    autoCreateCompaniesInUse: true,
    inclusionListId: SEED_INCLUSION_LIST_ID,
    syncCompanies: true,
  });
  const sfCalls = () => sandbox.salesforce.usage().used;
  const cycle = async () => {
    const before = sfCalls();
    const run = await timed(() => services.engine.run({ kind: 'sync', dryRun: false }));
    if (run.value.state !== 'completed') throw new Error(`The sync cycle ended ${run.value.state}`);
    return { calls: sfCalls() - before, ...run };
  };
  await cycle(); // the baseline: everything already there is read and linked
  const idle = await cycle();

  // Companies that each qualify for an account: a contact on the inclusion list (R3.2c).
  const store = sandbox.hubspot.store;
  const at = new Date(Date.now() + 60_000);
  const source = { sourceType: 'CRM_UI', sourceId: 'bench@example.com' };
  for (let i = 0; i < companies; i++) {
    const company = createObject(store, 'companies', { name: `Bulk Bench ${i}` }, at, source);
    const contact = createObject(store, 'contacts', { email: `bulk${i}@bench.example` }, at, source);
    if (!company.ok || !contact.ok) throw new Error('could not seed the companies');
    store.addToList(SEED_INCLUSION_LIST_ID, contact.object.id);
    store.associations.add(company.object.id, contact.object.id, false);
  }
  const accountsBefore = sandbox.salesforce.store.accountCount;
  const write = await cycle();
  const created = sandbox.salesforce.store.accountCount - accountsBefore;
  const writeCalls = write.calls - idle.calls;
  const perRecord = write.calls / created;
  const collections = Math.ceil(created / 200);

  const result = {
    companies,
    created,
    cycleCalls: write.calls,
    idleCycleCalls: idle.calls,
    writeCalls,
    callsPerRecord: Number(perRecord.toFixed(5)),
    collectionsCallsForTheSameWrite: collections,
    cycleSeconds: seconds(write.wallMs),
  };
  console.log(JSON.stringify(result));
  updateDocSection(
    join(import.meta.dirname, '..', 'docs', 'benchmarks.md'),
    'bulk-writes',
    `## Salesforce writes through Bulk API 2.0 (\`npm run bench -- bulk-writes\`)

${created.toLocaleString('en')} accounts created from HubSpot companies in one sync cycle (above ${BULK_WRITE_THRESHOLD.toLocaleString('en')} records the engine writes through Bulk API 2.0 ingest jobs; below, Collections of 200). Salesforce calls counted by the sandbox org.

| figure | target | measured |
|---|---|---|
| Salesforce calls per created record (whole cycle, reads included) | ≤ ${TARGET} | **${result.callsPerRecord}** (${write.calls} calls) |
| calls of the write itself (cycle minus an idle cycle of ${idle.calls}) | — | ${writeCalls} (Collections would need ${collections}) |
| cycle time | — | ${result.cycleSeconds} |

Machine: ${JSON.stringify(machine())}.`,
  );
  if (perRecord > TARGET) process.exitCode = 1;
} finally {
  services.close();
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
}
