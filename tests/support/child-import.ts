/**
 * The parent's side of tests/support/import-child.ts: start the child against a data folder, and watch the folder's
 * journal through a read-only connection to decide when to kill it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { databaseFileName } from '../../main/app/services.js';

export const IMPORT_CHILD = join(import.meta.dirname, 'import-child.ts');

export interface ChildRun {
  child: ChildProcess;
  /** Exit code (null when killed by a signal) and the summary line, if one was printed. */
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

export function startImportChild(dataDir: string, extraArgs: string[] = []): ChildRun {
  const child = spawn(process.execPath, ['--import', 'tsx', IMPORT_CHILD, '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collectOutput(child);
}

/** The child with its stdout and stderr gathered, resolved with its exit code when it ends. */
export function collectOutput(child: ChildProcess): ChildRun {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, exited };
}

/** Journal progress of the folder's newest import: ops planned so far and ops confirmed (0 before any run). */
export function journalProgress(dataDir: string): { planned: number; confirmed: number } {
  let db: Database.Database | undefined;
  try {
    db = new Database(join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 1000');
    const row = db
      .prepare(
        `SELECT COUNT(*) AS planned, COALESCE(SUM(state = 'confirmed'), 0) AS confirmed FROM run_ops
         WHERE run_id = (SELECT id FROM runs WHERE kind = 'import' AND dry_run = 0 ORDER BY created_at DESC LIMIT 1)`,
      )
      .get() as { planned: number; confirmed: number } | undefined;
    return row ?? { planned: 0, confirmed: 0 };
  } catch {
    // Not created yet, or the schema is still being migrated by the child: no progress to report.
    return { planned: 0, confirmed: 0 };
  } finally {
    db?.close();
  }
}

/** Resolves once `reached` holds (polling the journal), or when the child exits first. */
export async function waitForJournal(
  dataDir: string,
  run: ChildRun,
  reached: (progress: { planned: number; confirmed: number }) => boolean,
  pollMs = 20,
): Promise<'reached' | 'exited'> {
  let exited = false;
  void run.exited.then(() => {
    exited = true;
  });
  for (;;) {
    if (exited) return 'exited';
    if (reached(journalProgress(dataDir))) return 'reached';
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
