/**
 * The acceptance test of resumable imports (R2.5, architecture "Idempotency"): an import of N accounts runs in a
 * child process that is SIGKILLed at several points — while planning and between or during batches — and started
 * again each time. At the end HubSpot holds exactly one company per account with every mapped field as planned.
 */
import { afterEach, expect, test } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';
import { runKillResumeScenario } from '../support/kill-resume-scenario.js';
import { tempDirFactory } from '../support/temp.js';

const N = 5000;
const KILLS = 5;
const tempDir = tempDirFactory();
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

test('R2.5 an import of 5,000 accounts killed 5 times and resumed: one company per account, fields as planned', async () => {
  // No companies beforehand: every account must end as exactly one new company.
  sandbox = await startSandbox({ accounts: N, contacts: 500, hsCompanies: 0, seed: 3, hsLimit: 'off' });
  const result = await runKillResumeScenario({ sandbox, dataDir: tempDir(), accounts: N, kills: KILLS });
  expect(result.kills.filter((k) => k.startsWith('killed'))).toHaveLength(KILLS);
  expect(result.final).toMatchObject({ code: 0, stderr: '', summary: { state: 'completed' } });
  expect(result.companies).toBe(N);
  expect(result.accountsWithOneCompany).toBe(N);
  expect(result.accountsWithDuplicates).toBe(0);
  expect(result.planned).toBe(N);
  expect(result.fieldMismatches).toBe(0);
}, 120_000);
