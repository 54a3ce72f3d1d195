import type { RetryView } from '../../../shared/contract/index.js';
/**
 * R9.3 failed records wait here to be tried again with back-off: every 20 minutes up to 10 times (the reference
 * cadence), then nightly.
 */
import { prepared } from '../../db/statements.js';
import type { Database } from 'better-sqlite3';

const MINUTE = 60_000;

export function nextAttemptAt(attempts: number, now: Date): string {
  const delay = attempts < 10 ? 20 * MINUTE : 24 * 60 * MINUTE;
  return new Date(now.getTime() + delay).toISOString();
}

export function enqueueRetry(
  db: Database,
  entry: { system: string; recordId: string; operation: string; category: string; message: string; runId: string },
  now: Date = new Date(),
): void {
  const attempts =
    ((prepared(db, 'SELECT attempts FROM retry_queue WHERE system = :system AND record_id = :recordId')
      .pluck()
      .get({ system: entry.system, recordId: entry.recordId }) as number | undefined) ?? 0) + 1;
  prepared(
    db,
    `INSERT INTO retry_queue (system, record_id, operation, attempts, next_attempt_at, error_category, error_message, run_id)
     VALUES (:system, :recordId, :operation, :attempts, :next, :category, :message, :runId)
     ON CONFLICT(system, record_id) DO UPDATE SET operation = excluded.operation, attempts = excluded.attempts,
       next_attempt_at = excluded.next_attempt_at, error_category = excluded.error_category,
       error_message = excluded.error_message, run_id = excluded.run_id`,
  ).run({ ...entry, attempts, next: nextAttemptAt(attempts, now) });
}

export function clearRetry(db: Database, system: string, recordId: string): void {
  prepared(db, 'DELETE FROM retry_queue WHERE system = :system AND record_id = :recordId').run({ system, recordId });
}

export type RetryEntry = RetryView & { runId: string | null };

export function retryEntries(db: Database, options: { dueBy?: string; category?: string } = {}): RetryEntry[] {
  const rows = prepared(
    db,
    `SELECT * FROM retry_queue WHERE (:dueBy IS NULL OR next_attempt_at <= :dueBy)
       AND (:category IS NULL OR error_category = :category) ORDER BY next_attempt_at`,
  ).all({ dueBy: options.dueBy ?? null, category: options.category ?? null }) as {
    system: string;
    record_id: string;
    operation: string;
    attempts: number;
    next_attempt_at: string;
    error_category: string;
    error_message: string;
    run_id: string | null;
  }[];
  return rows.map((r) => ({
    system: r.system,
    recordId: r.record_id,
    operation: r.operation,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    category: r.error_category,
    message: r.error_message,
    runId: r.run_id,
  }));
}

/**
 * What a resync of the retry queue should take: accounts, and — for failed HubSpot → Salesforce creates, which have
 * no account yet and are kept under their company id — companies.
 */
export function retryTargets(db: Database, category?: string): { accountIds: string[]; companyIds: string[] } {
  const entries = retryEntries(db, category ? { category } : {});
  const isCompany = (e: RetryEntry) => e.system === 'salesforce' && e.operation === 'create';
  return {
    accountIds: [...new Set(entries.filter((e) => !isCompany(e)).map((e) => e.recordId))],
    companyIds: [...new Set(entries.filter(isCompany).map((e) => e.recordId))],
  };
}
