/** What a child process's run has journaled so far, read read-only from its data folder while it writes. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { databaseFileName, type Services } from '../../main/app/services.js';
import { parseFaultSpec } from '../../sandbox/faults/faults.js';
import type { Sandbox } from '../../sandbox/index.js';
import { connectDataFolder } from './engine-harness.js';

export interface JournalProgress {
  runId: string | null;
  planned: number;
  confirmed: number;
}

/** Planned and confirmed ops of the folder's newest run of `kind`, narrowed by an SQL condition on run_ops. */
export function newestRunProgress(dataDir: string, kind: string, opCondition = '1 = 1'): JournalProgress {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 1000');
    const runId = db.prepare('SELECT id FROM runs WHERE kind = ? ORDER BY created_at DESC LIMIT 1').pluck().get(kind) as
      | string
      | undefined;
    if (!runId) return { runId: null, planned: 0, confirmed: 0 };
    const row = db
      .prepare(
        `SELECT COUNT(*) AS planned, COALESCE(SUM(state = 'confirmed'), 0) AS confirmed FROM run_ops
         WHERE run_id = ? AND ${opCondition}`,
      )
      .get(runId) as { planned: number; confirmed: number };
    return { runId, ...row };
  } finally {
    db.close();
  }
}

const SFHS = join(import.meta.dirname, '../../bin/sfhs.js');

/**
 * Runs `sfhs ARGS --data-dir DIR` in a child with every HubSpot call slowed down, SIGKILLs it once `progress` shows
 * 100 confirmed ops (between batches), and answers the journal as the kill left it. The sandbox is fast again after.
 */
export async function killMidRun(
  sandbox: Sandbox,
  dataDir: string,
  args: string[],
  progress: () => JournalProgress,
): Promise<JournalProgress> {
  sandbox.hubspot.faults.configure(parseFaultSpec('slow=1@300'));
  const child = spawn(process.execPath, [SFHS, ...args, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  let ended = false;
  const exited = new Promise<void>((resolve) =>
    child.on('exit', () => {
      ended = true;
      resolve();
    }),
  );
  for (let now = progress(); now.confirmed < 100; now = progress()) {
    if (ended) throw new Error(`the run ended before it could be killed (${JSON.stringify(now)}): ${stderr}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  await exited;
  sandbox.hubspot.faults.configure(parseFaultSpec(''));
  return progress();
}

/**
 * After `killMidRun`: the folder opened again in this process (closed through `open`) and the killed run resumed
 * from its journal to the end, with nothing failed and nothing left waiting.
 */
export async function resumeKilledRun(
  sandbox: Sandbox,
  dataDir: string,
  atKill: JournalProgress,
  open: Array<() => unknown>,
): Promise<Services> {
  const services = await connectDataFolder(dataDir, sandbox);
  open.push(() => services.close());
  const resumed = await services.engine.resume(atKill.runId as string);
  expect(resumed.state).toBe('completed');
  expect(resumed.counts.failed).toBe(0);
  expect(resumed.counts.pending).toBe(0);
  return services;
}
