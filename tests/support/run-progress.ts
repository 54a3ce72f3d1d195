/** What a child process's run has journaled so far, read read-only from its data folder while it writes. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { databaseFileName } from '../../main/app/services.js';

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
