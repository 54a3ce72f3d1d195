/**
 * Kill and resume at scale (issue "Salesforce → HubSpot sync engine", Numbers): an import of 50,000 accounts whose
 * process is SIGKILLed at 5 random points and resumed each time must end with exactly 50,000 companies, each
 * salesforceaccountid once, every field as planned. Same scenario as tests/engine/kill-resume.test.ts, larger.
 *
 *   npm run bench -- kill-resume [--accounts N] [--kills K]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox/index.js';
import { runKillResumeScenario } from '../tests/support/kill-resume-scenario.js';
import { machine } from './support/measure.js';
import { loadAverage } from './support/proc.js';
import { updateDocSection } from './support/report.js';

const { values } = parseArgs({
  options: { accounts: { type: 'string', default: '50000' }, kills: { type: 'string', default: '5' } },
});
const accounts = Number(values.accounts);
const kills = Number(values.kills);
const sandbox = await startSandbox({ accounts, contacts: accounts / 10, hsCompanies: 0, seed: 5, hsLimit: 'off' });
const dataDir = mkdtempSync(join(tmpdir(), 'sfhs-bench-kill-'));
try {
  const r = await runKillResumeScenario({ sandbox, dataDir, accounts, kills, seed: 29 });
  const ok = r.companies === accounts && r.accountsWithOneCompany === accounts && r.fieldMismatches === 0;
  const m = machine();
  const markdown = [
    `## Kill and resume: ${accounts.toLocaleString('en-US')} accounts, ${kills} SIGKILLs`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${m.cpus} × ${m.model}; load average ${loadAverage()}. \`npm run bench -- kill-resume\`.`,
    '',
    '| measure | value |',
    '|---|---|',
    `| kills | ${r.kills.join('; ')} |`,
    `| final run | exit ${r.final.code}, ${r.final.summary?.state ?? 'no summary'} |`,
    `| companies in HubSpot | ${r.companies.toLocaleString('en-US')} (accounts ${accounts.toLocaleString('en-US')}) |`,
    `| accounts with exactly one company / with duplicates | ${r.accountsWithOneCompany.toLocaleString('en-US')} / ${r.accountsWithDuplicates} |`,
    `| fields differing from the plan | ${r.fieldMismatches} |`,
    `| verdict | **${ok ? 'exactly one company per account, every field as planned' : 'FAILED'}** |`,
    `| wall time, all runs | ${r.seconds.toFixed(1)} s |`,
  ].join('\n');
  updateDocSection(join(new URL('..', import.meta.url).pathname, 'docs/benchmarks.md'), 'kill-resume', markdown);
  console.log(markdown);
  if (!ok) process.exitCode = 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  await sandbox.close();
}
