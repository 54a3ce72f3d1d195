import type { LogEntryView, LogOutcome } from '../../../shared/contract/index.js';
/**
 * R9.1 the local log: every decision and write, field by field, append-only, searchable offline (R9.5).
 * Messages pass through redactSecrets so a token quoted in a remote error never lands here.
 */
import { prepared } from '../../db/statements.js';
import type { Database } from 'better-sqlite3';
import { redactSecrets } from '../rules/errors.js';

export type LogDirection = 'sf_to_hs' | 'hs_to_sf' | 'local';
export type { LogOutcome };

/** An entry as written; the contract's LogEntryView is the same with its id. */
export type LogEntry = Omit<LogEntryView, 'id'>;

export interface LogRow extends LogEntry {
  id: number;
}

export function appendLog(db: Database, entries: LogEntry[]): void {
  const stmt = prepared(
    db,
    `INSERT INTO log (run_id, at, direction, sf_account_id, hs_company_id, operation, reason,
      before, after, outcome, category, message)
    VALUES (:runId, :at, :direction, :sfAccountId, :hsCompanyId, :operation, :reason, :before, :after, :outcome,
      :category, :message)`,
  );
  for (const e of entries) {
    stmt.run({
      ...e,
      before: e.before ? JSON.stringify(e.before) : null,
      after: e.after ? JSON.stringify(e.after) : null,
      message: e.message === null ? null : redactSecrets(e.message),
    });
  }
}

export interface LogQuery {
  runId?: string;
  /** An SF account id or HS company id. */
  recordId?: string;
  category?: string;
  outcome?: LogOutcome;
  since?: string;
  until?: string;
  /** Free text in the message, reason or operation. */
  text?: string;
  afterId?: number;
  limit?: number;
}

interface Row {
  id: number;
  run_id: string | null;
  at: string;
  direction: LogDirection;
  sf_account_id: string | null;
  hs_company_id: string | null;
  operation: string;
  reason: string | null;
  before: string | null;
  after: string | null;
  outcome: LogOutcome;
  category: string | null;
  message: string | null;
}

const toEntry = (r: Row): LogRow => ({
  id: r.id,
  runId: r.run_id,
  at: r.at,
  direction: r.direction,
  sfAccountId: r.sf_account_id,
  hsCompanyId: r.hs_company_id,
  operation: r.operation,
  reason: r.reason,
  before: r.before ? (JSON.parse(r.before) as Record<string, unknown>) : null,
  after: r.after ? (JSON.parse(r.after) as Record<string, unknown>) : null,
  outcome: r.outcome,
  category: r.category,
  message: r.message,
});

const WHERE = `(:runId IS NULL OR run_id = :runId)
  AND (:recordId IS NULL OR sf_account_id = :recordId OR hs_company_id = :recordId)
  AND (:category IS NULL OR category = :category)
  AND (:outcome IS NULL OR outcome = :outcome)
  AND (:since IS NULL OR at >= :since) AND (:until IS NULL OR at < :until)
  AND (:text IS NULL OR instr(lower(coalesce(message, '') || ' ' || coalesce(reason, '') || ' ' || operation), lower(:text)) > 0)`;

const params = (q: LogQuery) => ({
  runId: q.runId ?? null,
  recordId: q.recordId ?? null,
  category: q.category ?? null,
  outcome: q.outcome ?? null,
  since: q.since ?? null,
  until: q.until ?? null,
  text: q.text ?? null,
});

/** Oldest first, keyset-paged by id. */
export function queryLog(db: Database, q: LogQuery = {}): LogRow[] {
  const rows = prepared(db, `SELECT * FROM log WHERE id > :afterId AND ${WHERE} ORDER BY id LIMIT :limit`).all({
    ...params(q),
    afterId: q.afterId ?? 0,
    limit: q.limit ?? 500,
  }) as Row[];
  return rows.map(toEntry);
}

export function countLog(db: Database, q: LogQuery = {}): number {
  return prepared(db, `SELECT COUNT(*) FROM log WHERE ${WHERE}`).pluck().get(params(q)) as number;
}

/** Streams every matching entry, a page at a time (exports of millions of rows in bounded memory). */
export function* iterateLog(db: Database, q: LogQuery = {}, pageSize = 2000): Generator<LogRow> {
  let afterId = q.afterId ?? 0;
  for (;;) {
    const page = queryLog(db, { ...q, afterId, limit: pageSize });
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    afterId = last.id;
  }
}
