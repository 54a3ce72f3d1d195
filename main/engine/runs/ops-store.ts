import { emptyRunCounts, type FieldChangeView, type RunCounts } from '../../../shared/contract/index.js';
/**
 * The journal of a run: one row per record decision. Planning writes them `planned` (or `done` for skips and
 * holds); execution moves each through `sent` to `confirmed` or `failed`, one transaction per step, so a run
 * killed at any moment resumes from exactly where it stopped.
 */
import { prepared } from '../../db/statements.js';
import type { Database } from 'better-sqlite3';

export type OpSystem = 'hubspot' | 'salesforce';
/** create/update write a record; skip and hold are decisions not to write (logged, R9.1). */
export type OpKind = 'create' | 'update' | 'skip' | 'hold';
export type OpState = 'planned' | 'sent' | 'confirmed' | 'failed' | 'done';

/** One field's change; `conflict` when both sides changed and the later change won (R7.4). */
export type FieldChange = FieldChangeView;

export interface PlannedOp {
  system: OpSystem;
  operation: OpKind;
  sfAccountId: string | null;
  hsCompanyId: string | null;
  /** What will be written (properties / fields), for create and update. */
  payload: Record<string, unknown> | null;
  diff: FieldChange[];
  reason: string;
  /** Extra facts for holds (candidate ids) and warnings. */
  detail?: string | null;
}

export interface OpRow extends PlannedOp {
  runId: string;
  seq: number;
  state: OpState;
  attempts: number;
  errorCategory: string | null;
  errorMessage: string | null;
}

interface Row {
  run_id: string;
  seq: number;
  system: OpSystem;
  operation: OpKind;
  sf_account_id: string | null;
  hs_company_id: string | null;
  payload: string | null;
  diff: string | null;
  reason: string;
  state: OpState;
  attempts: number;
  error_category: string | null;
  error_message: string | null;
}

const toOp = (r: Row): OpRow => {
  const diff = r.diff ? (JSON.parse(r.diff) as { changes: FieldChange[]; detail?: string | null }) : { changes: [] };
  return {
    runId: r.run_id,
    seq: r.seq,
    system: r.system,
    operation: r.operation,
    sfAccountId: r.sf_account_id,
    hsCompanyId: r.hs_company_id,
    payload: r.payload ? (JSON.parse(r.payload) as Record<string, unknown>) : null,
    diff: diff.changes,
    detail: diff.detail ?? null,
    reason: r.reason,
    state: r.state,
    attempts: r.attempts,
    errorCategory: r.error_category,
    errorMessage: r.error_message,
  };
};

export function nextSeq(db: Database, runId: string): number {
  return (
    ((prepared(db, 'SELECT MAX(seq) FROM run_ops WHERE run_id = :runId').pluck().get({ runId }) as number | null) ??
      0) + 1
  );
}

/** Appends ops in one transaction; skips and holds are final at once (`done`). */
export function appendOps(db: Database, runId: string, ops: PlannedOp[], now: Date = new Date()): void {
  const stmt = prepared(
    db,
    `INSERT INTO run_ops (run_id, seq, system, operation, sf_account_id, hs_company_id, payload,
      diff, reason, state, updated_at)
    VALUES (:runId, :seq, :system, :operation, :sfAccountId, :hsCompanyId, :payload, :diff, :reason, :state, :at)`,
  );
  let seq = nextSeq(db, runId);
  const at = now.toISOString();
  for (const op of ops) {
    stmt.run({
      runId,
      seq: seq++,
      system: op.system,
      operation: op.operation,
      sfAccountId: op.sfAccountId,
      hsCompanyId: op.hsCompanyId,
      payload: op.payload ? JSON.stringify(op.payload) : null,
      diff: JSON.stringify({ changes: op.diff, detail: op.detail ?? null }),
      reason: op.reason,
      state: op.operation === 'skip' || op.operation === 'hold' ? 'done' : 'planned',
      at,
    });
  }
}

/**
 * Ops left `sent` by an execution that was interrupted mid-call go back to `planned`: every write is idempotent,
 * so reconciling them is sending them again. Called once when execution (re)starts, before batches are in flight.
 */
export function requeueSent(db: Database, runId: string): number {
  return prepared(db, "UPDATE run_ops SET state = 'planned' WHERE run_id = :runId AND state = 'sent'").run({ runId })
    .changes;
}

/**
 * The next batch to execute: planned ops of one system and operation, in plan order. INDEXED BY because, without
 * statistics, SQLite prefers walking the primary key in seq order past every confirmed op — quadratic over a run.
 */
export function nextBatch(db: Database, runId: string, limitFor: (system: OpSystem) => number): OpRow[] {
  const first = prepared(
    db,
    "SELECT system, operation FROM run_ops INDEXED BY run_ops_state WHERE run_id = :runId AND state = 'planned' ORDER BY seq LIMIT 1",
  ).get({ runId }) as { system: OpSystem; operation: OpKind } | undefined;
  if (!first) return [];
  const rows = prepared(
    db,
    `SELECT * FROM run_ops INDEXED BY run_ops_state WHERE run_id = :runId AND state = 'planned' AND system = :system
       AND operation = :operation ORDER BY seq LIMIT :limit`,
  ).all({ runId, system: first.system, operation: first.operation, limit: limitFor(first.system) }) as Row[];
  return rows.map(toOp);
}

/** The ops of a run with these seqs, in seq order (a resumed Bulk API job's ops). */
export function opsBySeq(db: Database, runId: string, seqs: number[]): OpRow[] {
  const stmt = prepared(db, 'SELECT * FROM run_ops WHERE run_id = :runId AND seq = :seq');
  return seqs.flatMap((seq) => {
    const row = stmt.get({ runId, seq }) as Row | undefined;
    return row ? [toOp(row)] : [];
  });
}

export function markOps(
  db: Database,
  runId: string,
  seqs: number[],
  state: OpState,
  error: { category: string; message: string } | null = null,
  now: Date = new Date(),
): void {
  const stmt = prepared(
    db,
    `UPDATE run_ops SET state = :state, updated_at = :at,
      attempts = attempts + CASE WHEN :state = 'sent' THEN 1 ELSE 0 END,
      error_category = :category, error_message = :message
    WHERE run_id = :runId AND seq = :seq`,
  );
  for (const seq of seqs) {
    stmt.run({
      runId,
      seq,
      state,
      at: now.toISOString(),
      category: error?.category ?? null,
      message: error?.message ?? null,
    });
  }
}

export function setOpHsCompanyId(db: Database, runId: string, seq: number, hsCompanyId: string): void {
  prepared(db, 'UPDATE run_ops SET hs_company_id = :hsCompanyId WHERE run_id = :runId AND seq = :seq').run({
    runId,
    seq,
    hsCompanyId,
  });
}

/** Planned decisions and execution outcomes of a run: the contract's RunCounts. */
export type OpCounts = RunCounts;

export function countOps(db: Database, runId: string): OpCounts {
  const rows = prepared(
    db,
    'SELECT operation, state, COUNT(*) AS n FROM run_ops WHERE run_id = :runId GROUP BY operation, state',
  ).all({ runId }) as { operation: OpKind; state: OpState; n: number }[];
  const c: OpCounts = emptyRunCounts();
  for (const { operation, state, n } of rows) {
    c[operation] += n;
    if (state === 'failed') c.failed += n;
    else if (state === 'planned' || state === 'sent') c.pending += n;
    else if (operation === 'create') c.created += n;
    else if (operation === 'update') c.updated += n;
    else if (operation === 'skip') c.skipped += n;
    else c.held += n;
  }
  return c;
}

export function opsPage(
  db: Database,
  runId: string,
  filter: { operation?: OpKind; state?: OpState; afterSeq?: number; limit?: number } = {},
): OpRow[] {
  return (
    prepared(
      db,
      `SELECT * FROM run_ops WHERE run_id = :runId AND seq > :afterSeq
         AND (:operation IS NULL OR operation = :operation) AND (:state IS NULL OR state = :state)
         ORDER BY seq LIMIT :limit`,
    ).all({
      runId,
      afterSeq: filter.afterSeq ?? 0,
      operation: filter.operation ?? null,
      state: filter.state ?? null,
      limit: filter.limit ?? 1000,
    }) as Row[]
  ).map(toOp);
}
