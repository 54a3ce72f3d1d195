/**
 * The fault suite: an import survives everything a consultant's laptop and two busy APIs do to it, and ends with
 * every account as exactly one company and every confirmed write in the log.
 *
 *   npm run bench -- faults [--accounts N] [--kills K]
 *
 * Prints the figures (kills while writing, faults injected, records checked, duplicates, lost) and writes them into
 * docs/benchmarks.md. Exit 1 when any scenario fails or leaves a duplicate or a lost record.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  damagedMidImport,
  diskFull,
  KILL_LIMIT,
  killsWhileWriting,
  type ScenarioResult,
  twoWriters,
} from './faults-local.js';
import { REMOTE_FAULTS, remoteFaults } from './faults-remote.js';
import { machine } from './support/measure.js';
import { loadAverage } from './support/proc.js';
import { updateDocSection } from './support/report.js';

const { values } = parseArgs({
  options: { accounts: { type: 'string', default: '4000' }, kills: { type: 'string', default: '10' } },
});
const accounts = Number(values.accounts);
const kills = Number(values.kills);
const small = Math.max(200, Math.floor(accounts / 8));

const started = Date.now();
const results: ScenarioResult[] = [];
const notes: string[] = [];
const failures: string[] = [];
const scenarios: [string, (dir: string) => Promise<ScenarioResult | string>][] = [
  ['kills', (dir) => killsWhileWriting(dir, kills, accounts)],
  ['remote', (dir) => remoteFaults(dir, Math.min(accounts, 1000))],
  ['two writers', (dir) => twoWriters(dir, small)],
  ['corrupted', (dir) => damagedMidImport(dir, small, 'corrupted')],
  ['truncated', (dir) => damagedMidImport(dir, small, 'truncated')],
  ['disk full', (dir) => diskFull(join(dir, 'data'), small)],
];
for (const [name, scenario] of scenarios) {
  const dir = mkdtempSync(join(tmpdir(), 'sfhs-bench-faults-'));
  console.error(`▶ ${name}`);
  try {
    const result = await scenario(dir);
    if (typeof result === 'string') notes.push(result);
    else results.push(result);
  } catch (error) {
    failures.push(`${name}: ${(error as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sum = (pick: (r: ScenarioResult) => number) => results.reduce((total, r) => total + pick(r), 0);
const totals = {
  kills: sum((r) => r.kills),
  killsWhileWriting: sum((r) => r.killsWhileWriting),
  faults: sum((r) => r.faults),
  records: sum((r) => r.verdict.records),
  confirmed: sum((r) => r.verdict.confirmedWrites),
  duplicates: sum((r) => r.verdict.duplicates),
  lost: sum((r) => r.verdict.lost),
};
const ok = failures.length === 0 && totals.duplicates === 0 && totals.lost === 0;
const m = machine();
const markdown = [
  `## Fault suite: ${accounts.toLocaleString('en-US')} accounts, ${kills} SIGKILLs while writing, remote and local faults`,
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} on ${m.cpus} × ${m.model}; load average ${loadAverage()}. ` +
    '`npm run bench -- faults`. Real CLI processes and real clients against the sandbox; HubSpot limited to ' +
    `${KILL_LIMIT} for the local scenarios, \`--faults ${REMOTE_FAULTS}\` on both systems for the remote one. ` +
    'Target: duplicates 0, lost 0.',
  '',
  '| scenario | what happened | kills (while writing) | faults injected | records checked | confirmed writes | duplicates | lost |',
  '|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.name} | ${r.detail} | ${r.kills} (${r.killsWhileWriting}) | ${r.faults} | ${r.verdict.records} | ${r.verdict.confirmedWrites} | ${r.verdict.duplicates} | ${r.verdict.lost} |`,
  ),
  `| **all** | ${((Date.now() - started) / 1000).toFixed(0)} s | ${totals.kills} (${totals.killsWhileWriting}) | ${totals.faults} | ${totals.records} | ${totals.confirmed} | **${totals.duplicates}** | **${totals.lost}** |`,
  '',
  ...notes.map((n) => `- ${n}`),
  ...failures.map((f) => `- FAILED ${f}`),
  `- verdict: **${ok ? 'every account exactly one company, every confirmed write in the log' : 'FAILED'}**`,
].join('\n');
updateDocSection(join(new URL('..', import.meta.url).pathname, 'docs/benchmarks.md'), 'faults', markdown);
console.log(markdown);
if (!ok) process.exitCode = 1;
