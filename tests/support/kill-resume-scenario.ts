/**
 * The kill-and-resume scenario shared by the acceptance test (5,000 accounts) and the benchmark (50,000): an import
 * runs in a child process that is SIGKILLed at several points — while planning and during the batches — and started
 * again each time, then once more to the end. What it reports lets the caller check "exactly one company per
 * account, every field as planned".
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { databaseFileName } from '../../main/app/services.js';
import type { Sandbox } from '../../sandbox/index.js';
import { startImportChild, waitForJournal } from './child-import.js';
import { connectDataFolder } from './engine-harness.js';
import { companiesByAccountId } from './sync-world.js';

export interface KillResumeResult {
  kills: string[];
  /** Exit code, stderr and summary of the final, uninterrupted run. */
  final: { code: number | null; stderr: string; summary: { state?: string } | null };
  companies: number;
  accountsWithOneCompany: number;
  accountsWithDuplicates: number;
  /** Properties that differ from what the confirmed create planned. */
  fieldMismatches: number;
  planned: number;
  seconds: number;
}

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

export async function runKillResumeScenario(options: {
  sandbox: Sandbox;
  dataDir: string;
  accounts: number;
  kills: number;
  seed?: number;
}): Promise<KillResumeResult> {
  const { sandbox, dataDir, accounts } = options;
  const started = Date.now();
  (await connectDataFolder(dataDir, sandbox)).close();
  let seed = options.seed ?? 17;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const kills: string[] = [];
  for (let k = 0; k < options.kills; k++) {
    const run = startImportChild(dataDir);
    // The first kill lands while the plan is being written; the others after a random share of the batches.
    const target = Math.floor(((k + random()) / (options.kills + 1)) * accounts);
    const outcome = await waitForJournal(dataDir, run, (p) =>
      k === 0 ? p.planned > 0 && p.planned < accounts : p.confirmed >= target,
    );
    if (outcome === 'reached') run.child.kill('SIGKILL');
    const { code, stderr } = await run.exited;
    kills.push(outcome === 'reached' ? `killed at ~${k === 0 ? 'planning' : target}` : `exited ${code} ${stderr}`);
  }
  const last = await startImportChild(dataDir).exited;
  const summaryLine = last.stdout.trim().split('\n').at(-1);
  const byAccount = companiesByAccountId(sandbox);
  const planned = plannedProperties(dataDir);
  let fieldMismatches = 0;
  for (const [accountId, companies] of byAccount) {
    const properties = companies[0]?.properties ?? {};
    for (const [name, value] of Object.entries(planned.get(accountId) ?? {})) {
      if (properties[name] !== value) fieldMismatches++;
    }
  }
  return {
    kills,
    final: {
      code: last.code,
      stderr: last.stderr,
      summary: summaryLine ? (JSON.parse(summaryLine) as { state?: string }) : null,
    },
    companies: sandbox.hubspot.store.companyCount,
    accountsWithOneCompany: [...byAccount.values()].filter((c) => c.length === 1).length,
    accountsWithDuplicates: [...byAccount.values()].filter((c) => c.length > 1).length,
    fieldMismatches,
    planned: planned.size,
    seconds: (Date.now() - started) / 1000,
  };
}
