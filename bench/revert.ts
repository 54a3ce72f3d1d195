/**
 * Revert benchmark (issue "The engagement", Numbers): import N accounts (default 200,000) into an empty portal
 * under a 110 requests / 10 s HubSpot limit, change one field on every account in Salesforce, sync it to HubSpot,
 * then revert that sync, and last revert the import itself (archiving every company it created). Prints each
 * revert's wall time ÷ the rate bound (its HubSpot calls ÷ 11 per second; target ≤ 1.10), the write phase's own
 * ratio, the engine's peak RSS (target ≤ 500 MB), and checks every company got its value back, then was archived. Each step runs the engine in a child process (bench/support/revert-child.ts) on one data folder.
 *
 *   npm run bench -- revert [--accounts=N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunSummary } from '../shared/contract/index.js';
import { type Sandbox, startSandbox } from '../sandbox/index.js';
import { machine, seconds } from './support/measure.js';
import { loadAverage } from './support/proc.js';
import { type Phases, phaseSeconds as phasesSeconds, runChild } from './support/child.js';
import { updateDocSection } from './support/report.js';

interface StepResult {
  seconds: number;
  phases: Phases;
  summary: RunSummary;
  maxRssMb: number;
  hubspot: { calls: number; rateLimited: number };
}

const root = new URL('..', import.meta.url).pathname;
const RATE = 11; // requests per second under 110 / 10 s
const FULL_SIZE = 200_000;

const step = (sandbox: Sandbox, dataDir: string, name: string, run?: string, deleteCreated = false) =>
  runChild<StepResult>(sandbox, 'bench/support/revert-child.ts', [
    '--data-dir',
    dataDir,
    '--step',
    name,
    ...(run ? ['--run', run] : []),
    ...(deleteCreated ? ['--delete-created'] : []),
  ]);

/** A revert measured against the rate bound: its whole-run and write-phase ratios. */
async function measuredRevert(sandbox: Sandbox, dataDir: string, runId: string, deleteCreated: boolean) {
  const calls0 = sandbox.hubspot.callCounts();
  const result = await step(sandbox, dataDir, 'revert', runId, deleteCreated);
  const calls1 = sandbox.hubspot.callCounts();
  const serverCalls = calls1.total - calls0.total;
  const bound = serverCalls / RATE;
  const counts = result.summary.counts;
  const writeCalls = Math.ceil((counts.updated + counts.created) / 100);
  const execute = phaseSeconds(result, 'execute');
  return {
    result,
    rateLimited: calls1.rateLimited - calls0.rateLimited,
    whole: `${result.seconds.toFixed(1)} s for ${serverCalls} HubSpot calls; bound ${bound.toFixed(1)} s → **ratio ${(result.seconds / bound).toFixed(3)}** (target ≤ 1.10)`,
    write: `${execute.toFixed(1)} s for ${writeCalls} batch calls; bound ${(writeCalls / RATE).toFixed(1)} s → ratio ${(execute / (writeCalls / RATE)).toFixed(3)}`,
  };
}

const phaseSeconds = (r: StepResult, phase: string) => phasesSeconds(r.phases, phase);

function phones(sandbox: Sandbox): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const c of sandbox.hubspot.store.tables.companies.scan()) out.set(c.id, c.properties.phone ?? null);
  return out;
}

async function revertBenchmark(accounts: number): Promise<string> {
  const n = accounts.toLocaleString('en-US');
  console.error(`revert: a sandbox org of ${n} accounts, an empty portal, 110/10s…`);
  const sandbox = await startSandbox({ accounts, contacts: 0, hsCompanies: 0, seed: 14, hsLimit: '110/10s' });
  const dataDir = mkdtempSync(join(tmpdir(), 'sfhs-bench-revert-'));
  try {
    const imported = await step(sandbox, dataDir, 'import');
    console.error(`revert: imported in ${imported.seconds.toFixed(1)} s; changing Phone on every account…`);
    const before = phones(sandbox);
    const store = sandbox.salesforce.store;
    let i = 0;
    for (const a of [...store.rows('Account')])
      store.update('Account', a.Id, { Phone: `+1 555 ${String(i++).padStart(7, '0')}` }, String(a.OwnerId));
    const synced = await step(sandbox, dataDir, 'sync');
    console.error(
      `revert: synced ${synced.summary.counts.updated} updates in ${synced.seconds.toFixed(1)} s; reverting…`,
    );
    const reverted = await measuredRevert(sandbox, dataDir, synced.summary.runId, false);
    const after = phones(sandbox);
    const restored = [...before].filter(([id, phone]) => after.get(id) === phone).length;
    console.error(`revert: sync reverted in ${reverted.result.seconds.toFixed(1)} s; reverting the import…`);
    const created = sandbox.hubspot.store.companyCount;
    const undone = await measuredRevert(sandbox, dataDir, imported.summary.runId, true);
    const left = sandbox.hubspot.store.companyCount;
    const counts = (r: StepResult) => `failed ${r.summary.counts.failed}, held ${r.summary.counts.held}`;
    return [
      `### Reverting a sync of ${n} changed accounts, then the import itself, under a 110 requests / 10 s HubSpot limit`,
      '',
      `N = ${n} accounts: imported (${imported.seconds.toFixed(1)} s), Phone changed on every account in Salesforce, synced (${synced.summary.counts.updated} updates, ${synced.seconds.toFixed(1)} s), then that sync reverted; last, the import reverted with "archive what it created".${accounts < FULL_SIZE ? ` Smaller than the ${FULL_SIZE.toLocaleString('en-US')} accounts the target is set for: \`--accounts=${FULL_SIZE}\` runs the full size.` : ''}`,
      '',
      '| measure | value |',
      '|---|---|',
      `| revert of the sync, whole run (refresh both systems + plan + write) | ${reverted.whole} |`,
      `| revert of the sync, write phase | ${reverted.write} |`,
      `| companies holding their pre-sync value afterwards | ${restored.toLocaleString('en-US')} of ${before.size.toLocaleString('en-US')}; ${counts(reverted.result)} |`,
      `| revert of the import (archive every company it created), whole run | ${undone.whole} |`,
      `| revert of the import, write phase | ${undone.write} |`,
      `| companies left in HubSpot afterwards | ${left.toLocaleString('en-US')} of ${created.toLocaleString('en-US')}; ${counts(undone.result)} |`,
      `| 429s answered by HubSpot during the reverts | ${reverted.rateLimited} / ${undone.rateLimited} |`,
      `| peak RSS of the engine process (import / sync / revert of the sync / revert of the import) | ${imported.maxRssMb} / ${synced.maxRssMb} / **${reverted.result.maxRssMb} / ${undone.result.maxRssMb} MB** (target ≤ 500 MB for a revert) |`,
    ].join('\n');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await sandbox.close();
  }
}

const { values } = parseArgs({ options: { accounts: { type: 'string', default: '200000' } } });
const section = await revertBenchmark(Number(values.accounts));
const m = machine();
const header = `## Revert (\`npm run bench -- revert\`)\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${m.cpus} × ${m.model}, ${m.memoryGb} GB, Node ${m.node}; load average ${loadAverage()} at the end.`;
const markdown = [header, section].join('\n\n');
updateDocSection(join(root, 'docs/benchmarks.md'), 'revert', markdown);
console.log(markdown);
console.error(`done in ${seconds(performance.now())}`);
