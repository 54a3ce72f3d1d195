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

/** An entry as written; the record's name and domain are looked up when not given. */
export type LogEntry = Omit<LogEntryView, 'id' | 'name' | 'domain'> & { name?: string | null; domain?: string | null };

export type LogRow = LogEntryView;

/** The account's name and domain, or the company's when there is no account (yet). */
export function recordFacts(
  db: Database,
  e: { sfAccountId: string | null; hsCompanyId: string | null },
): { name: string | null; domain: string | null } {
  const account = e.sfAccountId
    ? (prepared(db, 'SELECT name AS log_name, domain AS log_domain FROM sf_accounts WHERE id = :id').get({
        id: e.sfAccountId,
      }) as { log_name: string | null; log_domain: string | null } | undefined)
    : undefined;
  const company =
    !account?.log_name && e.hsCompanyId
      ? (prepared(db, 'SELECT name AS log_name, domain AS log_domain FROM hs_companies WHERE id = :id').get({
          id: e.hsCompanyId,
        }) as { log_name: string | null; log_domain: string | null } | undefined)
      : undefined;
  return {
    name: account?.log_name ?? company?.log_name ?? null,
    domain: account?.log_domain ?? company?.log_domain ?? null,
  };
}

export function appendLog(db: Database, entries: LogEntry[]): void {
  const stmt = prepared(
    db,
    `INSERT INTO log (run_id, at, direction, sf_account_id, hs_company_id, name, domain, operation, reason,
      before, after, outcome, category, message)
    VALUES (:runId, :at, :direction, :sfAccountId, :hsCompanyId, :name, :domain, :operation, :reason, :before,
      :after, :outcome, :category, :message)`,
  );
  let facts = null as { key: string; value: ReturnType<typeof recordFacts> } | null;
  for (const e of entries) {
    // An op's entries (the write, its field problems, its conflicts) share one record: look it up once.
    const key = `${e.sfAccountId}|${e.hsCompanyId}`;
    if (facts?.key !== key) facts = { key, value: recordFacts(db, e) };
    stmt.run({
      ...e,
      name: e.name ?? facts.value.name,
      domain: e.domain ?? facts.value.domain,
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
  direction?: LogDirection;
  /** Free text in the record's name or domain, the message, reason or operation. */
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
  name: string | null;
  domain: string | null;
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
  name: r.name,
  domain: r.domain,
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
  AND (:direction IS NULL OR direction = :direction)
  AND (:since IS NULL OR at >= :since) AND (:until IS NULL OR at < :until)
  AND (:text IS NULL OR instr(lower(coalesce(name, '') || ' ' || coalesce(domain, '') || ' ' || coalesce(message, '')
    || ' ' || coalesce(reason, '') || ' ' || operation), lower(:text)) > 0)`;

const params = (q: LogQuery) => ({
  runId: q.runId ?? null,
  recordId: q.recordId ?? null,
  category: q.category ?? null,
  outcome: q.outcome ?? null,
  direction: q.direction ?? null,
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
