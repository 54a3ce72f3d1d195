/**
 * Engine benchmarks (issue "Salesforce → HubSpot sync engine", Numbers):
 *  - plan: planning an import of N accounts (default 1,000,000) against the sandbox with limits off — time and
 *    peak RSS of the engine process (target ≤ 500 MB);
 *  - import: importing N accounts (default 200,000) into an empty portal under a 110 requests / 10 s HubSpot limit —
 *    wall time of the write phase as a ratio to the bound the limit sets (batch calls ÷ 11 per second; target
 *    ≤ 1.05) and peak RSS (target ≤ 300 MB, also sampled per phase), 429s seen and lost, API calls per written
 *    record (targets ≤ 0.011 HubSpot, ≤ 0.006 Salesforce).
 * The sandbox runs in this process; the engine in a child (bench/support/engine-child.ts) so its memory is its own.
 *
 *   npm run bench -- [--only plan|import] [--plan-accounts N] [--import-accounts N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunSummary } from '../shared/contract/index.js';
import { type Sandbox, startSandbox } from '../sandbox/index.js';
import { loadAverage } from './support/proc.js';
import { machine, seconds } from './support/measure.js';
import { updateDocSection } from './support/report.js';
import { type Phases, phaseSeconds as phasesSeconds, runChild } from './support/child.js';

interface ChildResult {
  seconds: number;
  phases: Phases;
  summary: RunSummary;
  maxRssMb: number;
  hubspot: { calls: number; rateLimited: number };
  salesforce: { calls: number };
}

const root = new URL('..', import.meta.url).pathname;

async function runEngine(sandbox: Sandbox, dryRun: boolean): Promise<ChildResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sfhs-bench-'));
  try {
    const args = ['--data-dir', dataDir, ...(dryRun ? ['--dry-run'] : [])];
    return await runChild<ChildResult>(sandbox, 'bench/support/engine-child.ts', args);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const phaseSeconds = (r: ChildResult, phase: string) => phasesSeconds(r.phases, phase);

const phaseRss = (r: ChildResult) =>
  Object.entries(r.phases)
    .filter(([, p]) => p.rssMb > 0)
    .map(([phase, p]) => `${phase} ${p.rssMb} MB (JS heap ${p.heapMb} MB)`)
    .join(', ');

async function planBenchmark(accounts: number): Promise<string> {
  console.error(`plan: generating a sandbox org of ${accounts.toLocaleString('en-US')} accounts…`);
  const sandbox = await startSandbox({ accounts, seed: 11, hsLimit: 'off' });
  try {
    console.error('plan: running the engine (refresh + plan, dry run)…');
    const r = await runEngine(sandbox, true);
    const c = r.summary.counts;
    return [
      `### Planning an import of ${accounts.toLocaleString('en-US')} accounts (limits off)`,
      '',
      '| measure | value |',
      '|---|---|',
      `| total (refresh both systems + plan) | ${r.seconds.toFixed(1)} s |`,
      `| reading HubSpot companies (+ associations) / Salesforce accounts | ${phaseSeconds(r, 'refresh-hubspot').toFixed(1)} s / ${phaseSeconds(r, 'refresh-salesforce').toFixed(1)} s |`,
      `| reading the rest (HubSpot contacts, owners, lists; Salesforce users, contacts, leads) | ${(r.seconds - phaseSeconds(r, 'refresh-hubspot') - phaseSeconds(r, 'refresh-salesforce') - phaseSeconds(r, 'plan')).toFixed(1)} s |`,
      `| plan | ${phaseSeconds(r, 'plan').toFixed(1)} s |`,
      `| peak RSS of the engine process | **${r.maxRssMb} MB** (target ≤ 500 MB) |`,
      `| decisions | create ${c.create}, update ${c.update}, skip ${c.skip}, hold ${c.hold} |`,
      `| API calls | HubSpot ${r.hubspot.calls}, Salesforce ${r.salesforce.calls} |`,
    ].join('\n');
  } finally {
    await sandbox.close();
  }
}

async function importBenchmark(accounts: number): Promise<string> {
  console.error(`import: a sandbox org of ${accounts.toLocaleString('en-US')} accounts, an empty portal, 110/10s…`);
  const sandbox = await startSandbox({ accounts, contacts: 0, hsCompanies: 0, seed: 12, hsLimit: '110/10s' });
  try {
    const r = await runEngine(sandbox, false);
    const written = r.summary.counts.created + r.summary.counts.updated;
    const batchCalls = Math.ceil(written / 100);
    const bound = batchCalls / 11;
    const execute = phaseSeconds(r, 'execute');
    const server = sandbox.hubspot.callCounts();
    const companies = sandbox.hubspot.store.companyCount;
    const sfUsed = sandbox.salesforce.usage().used;
    return [
      `### Importing ${accounts.toLocaleString('en-US')} accounts under a 110 requests / 10 s HubSpot limit`,
      '',
      '| measure | value |',
      '|---|---|',
      `| write phase | ${execute.toFixed(1)} s for ${batchCalls} batch calls; bound ${bound.toFixed(1)} s → **ratio ${(execute / bound).toFixed(3)}** (target ≤ 1.05) |`,
      `| whole run (refresh + plan + write) | ${r.seconds.toFixed(1)} s |`,
      `| companies in HubSpot afterwards | ${companies.toLocaleString('en-US')} (accounts: ${accounts.toLocaleString('en-US')}); failed ${r.summary.counts.failed} |`,
      `| 429s answered by HubSpot / seen by the engine / lost | ${server.rateLimited} / ${r.hubspot.rateLimited} / ${accounts - companies} |`,
      `| HubSpot calls per written record | ${(server.total / written).toFixed(4)} (${server.total} calls; target ≤ 0.011) |`,
      `| Salesforce calls per written record | ${(sfUsed / written).toFixed(4)} (${sfUsed} calls; target ≤ 0.006) |`,
      `| peak RSS of the engine process | **${r.maxRssMb} MB** (target ≤ 300 MB) |`,
      `| peak RSS sampled per phase (200 ms) | ${phaseRss(r)} |`,
    ].join('\n');
  } finally {
    await sandbox.close();
  }
}

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    'plan-accounts': { type: 'string', default: '1000000' },
    'import-accounts': { type: 'string', default: '200000' },
  },
});
const sections: string[] = [];
if (!values.only || values.only === 'plan') sections.push(await planBenchmark(Number(values['plan-accounts'])));
if (!values.only || values.only === 'import') sections.push(await importBenchmark(Number(values['import-accounts'])));
const m = machine();
const header = `## Engine\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${m.cpus} × ${m.model}, ${m.memoryGb} GB, Node ${m.node}; load average ${loadAverage()} at the end. \`npm run bench\`.`;
const markdown = [header, ...sections].join('\n\n');
updateDocSection(join(root, 'docs/benchmarks.md'), `engine${values.only ? `-${values.only}` : ''}`, markdown);
console.log(markdown);
console.error(`done in ${seconds(performance.now())}`);
