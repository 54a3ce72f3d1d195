/**
 * The acceptance test of resumable imports (R2.5, architecture "Idempotency"): an import of N accounts runs in a
 * child process that is SIGKILLed at several points — while planning and between or during batches — and started
 * again each time. At the end HubSpot holds exactly one company per account with every mapped field as planned.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { databaseFileName } from '../../main/app/services.js';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';
import { connectDataFolder } from '../support/engine-harness.js';
import { startImportChild, waitForJournal } from '../support/child-import.js';
import { companiesByAccountId } from '../support/sync-world.js';
import { tempDirFactory } from '../support/temp.js';

const N = 5000;
const KILLS = 5;
const tempDir = tempDirFactory();
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

/** The properties each account's company was planned with, from every confirmed create of every import run. */
function plannedProperties(dataDir: string): Map<string, Record<string, string | null>> {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT o.sf_account_id AS id, o.payload FROM run_ops o JOIN runs r ON r.id = o.run_id
         WHERE r.kind = 'import' AND o.operation = 'create' AND o.state = 'confirmed' ORDER BY r.created_at, o.seq`,
      )
      .all() as { id: string; payload: string }[];
    return new Map(
      rows.map((r) => [r.id, (JSON.parse(r.payload) as { properties: Record<string, string | null> }).properties]),
    );
  } finally {
    db.close();
  }
}

test('R2.5 an import of 5,000 accounts killed 5 times and resumed: one company per account, fields as planned', async () => {
  // No companies beforehand: every account must end as exactly one new company.
  sandbox = await startSandbox({ accounts: N, contacts: 500, hsCompanies: 0, seed: 3, hsLimit: 'off' });
  const dataDir = tempDir();
  (await connectDataFolder(dataDir, sandbox)).close();

  let seed = 17;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const kills: string[] = [];
  for (let k = 0; k < KILLS; k++) {
    const run = startImportChild(dataDir);
    // The first kill lands while the plan is being written; the others after a random share of the batches.
    const target = Math.floor(((k + random()) / (KILLS + 1)) * N);
    const outcome = await waitForJournal(dataDir, run, (p) =>
      k === 0 ? p.planned > 0 && p.planned < N : p.confirmed >= target,
    );
    if (outcome === 'reached') run.child.kill('SIGKILL');
    const { code, stderr } = await run.exited;
    expect(stderr).toBe('');
    kills.push(outcome === 'reached' ? `killed at ~${target}` : `exited ${code}`);
  }
  const last = startImportChild(dataDir);
  const { code, stdout, stderr } = await last.exited;
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(JSON.parse(stdout.trim().split('\n').at(-1) as string)).toMatchObject({ state: 'completed' });
  expect(kills.filter((k) => k.startsWith('killed'))).toHaveLength(KILLS);

  expect(sandbox.hubspot.store.companyCount).toBe(N);
  const byAccount = companiesByAccountId(sandbox);
  expect(byAccount.size).toBe(N);
  const planned = plannedProperties(dataDir);
  expect(planned.size).toBe(N);
  for (const [accountId, companies] of byAccount) {
    expect(companies).toHaveLength(1);
    const properties = companies[0]?.properties ?? {};
    for (const [name, value] of Object.entries(planned.get(accountId) ?? {})) expect(properties[name]).toBe(value);
  }
}, 120_000);
