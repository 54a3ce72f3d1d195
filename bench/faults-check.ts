/**
 * The fault suite's verdict on one data folder and its sandbox: every live account as exactly one company in
 * HubSpot, and every write the journal confirms present in the log. Read-only: it opens the database read-only and
 * scans the emulator's store.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { databaseFileName } from '../main/app/services.js';
import type { Sandbox } from '../sandbox/index.js';
import { companiesByAccountId, liveAccountIds } from '../tests/support/sync-world.js';

export interface FolderVerdict {
  /** Live accounts checked. */
  records: number;
  /** Accounts with more than one company. */
  duplicates: number;
  /** Accounts with no company, plus confirmed writes missing from the log. */
  lost: number;
  confirmedWrites: number;
  confirmedNotLogged: number;
}

export function checkFolder(sandbox: Sandbox, dataDir: string): FolderVerdict {
  const byAccount = companiesByAccountId(sandbox);
  const accounts = liveAccountIds(sandbox);
  const duplicates = accounts.filter((id) => (byAccount.get(id)?.length ?? 0) > 1).length;
  const missing = accounts.filter((id) => (byAccount.get(id)?.length ?? 0) === 0).length;
  const db = new Database(join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
  try {
    // A confirmed write is one HubSpot accepted; its log entry is written in the same transaction as the confirm.
    const { confirmed, notLogged } = db
      .prepare(
        `SELECT COUNT(*) AS confirmed,
           COALESCE(SUM(NOT EXISTS (
             SELECT 1 FROM log l WHERE l.run_id = o.run_id AND l.sf_account_id IS o.sf_account_id
               AND l.outcome = 'written')), 0) AS notLogged
         FROM run_ops o JOIN runs r ON r.id = o.run_id
         WHERE r.dry_run = 0 AND o.state = 'confirmed' AND o.operation IN ('create', 'update')`,
      )
      .get() as { confirmed: number; notLogged: number };
    return {
      records: accounts.length,
      duplicates,
      lost: missing + notLogged,
      confirmedWrites: confirmed,
      confirmedNotLogged: notLogged,
    };
  } finally {
    db.close();
  }
}
