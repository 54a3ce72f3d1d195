/**
 * R9.1 the log entries of one journaled op: the write (or the decision not to write) with field-level before/after,
 * one entry per value that could not be written (R7.7 PROPERTY_VALUE: outcome `rejected`, the value in `after`) or
 * was left alone with a warning (R7.5), and one per both-sides change (R7.4 conflict). Messages are text.
 */
import type { Database } from 'better-sqlite3';
import type { PlannedOp } from '../runs/ops-store.js';
import { problemsOfDetail } from '../outcome/rejected-values.js';
import { appendLog, type LogEntry } from './log-store.js';
import { readableDetail } from './readable.js';

export type LoggedOp = PlannedOp & { runId: string };

const holdCategory = (op: LoggedOp): string | null => {
  const detail = op.detail ? (JSON.parse(op.detail) as { category?: string | null }) : {};
  return detail.category === undefined ? 'DUPLICATES' : detail.category;
};

const DECISION_OUTCOME: Partial<Record<PlannedOp['operation'], LogEntry['outcome']>> = {
  skip: 'skipped',
  hold: 'held',
};

export function logOp(
  db: Database,
  op: LoggedOp,
  outcome: LogEntry['outcome'],
  at: string,
  error: { category: string; message: string } | null = null,
): void {
  const before = Object.fromEntries(op.diff.map((c) => [c.field, c.before]));
  const after = Object.fromEntries(op.diff.map((c) => [c.field, c.after]));
  const main: LogEntry = {
    runId: op.runId,
    at,
    direction: op.system === 'hubspot' ? 'sf_to_hs' : 'hs_to_sf',
    sfAccountId: op.sfAccountId,
    hsCompanyId: op.hsCompanyId,
    operation: op.operation,
    reason: op.reason,
    before: op.diff.length ? before : null,
    after: op.diff.length ? after : null,
    outcome,
    // Holds are records to review (R6.4 ambiguous match, duplicate link): the DUPLICATES category (R9.2), unless
    // the hold names its own (a revert's conflict has none: nothing failed).
    category: error?.category ?? (op.operation === 'hold' ? holdCategory(op) : null),
    message: error?.message ?? readableDetail(db, op.detail ?? null),
  };
  const entries: LogEntry[] = [main];
  // A failed op wrote nothing, so its field problems are already part of a failure; report them for writes only.
  if (outcome !== 'failed') {
    for (const problem of problemsOfDetail(op.detail)) {
      const isValueError = problem.category === 'PROPERTY_VALUE';
      entries.push({
        ...main,
        // A skip, or the only write of a pair, carries the problems of both directions: each entry says its own.
        direction: problem.direction ?? main.direction,
        operation: 'field',
        reason: problem.code,
        before: null,
        after: { [problem.field]: problem.value ?? null },
        outcome: isValueError ? 'rejected' : 'warning',
        category: isValueError ? 'PROPERTY_VALUE' : null,
        message: `${problem.field}: ${problem.message}`,
      });
    }
  }
  // R7.4 a both-sides change is logged as a conflict with both values, so it can be reviewed and reversed.
  for (const change of op.diff.filter((c) => c.conflict)) {
    entries.push({
      ...main,
      operation: 'conflict',
      reason: `CONFLICT_${change.conflict?.winner === 'sf' ? 'SF' : 'HS'}_WINS`,
      before: { [change.field]: change.before, sfValue: change.conflict?.sfValue, hsValue: change.conflict?.hsValue },
      after: { [change.field]: change.after },
      outcome: 'conflict',
      category: null,
      message: `${change.field}: both sides changed since the last sync; the later change won.`,
    });
  }
  appendLog(db, entries);
}

/** R9.1 decisions not to write (skips, holds) are final when planned: logged then, in the plan's transaction. */
export function logDecisions(db: Database, runId: string, ops: PlannedOp[], at: string): void {
  for (const op of ops) {
    const outcome = DECISION_OUTCOME[op.operation];
    if (outcome) logOp(db, { ...op, runId }, outcome, at);
  }
}
