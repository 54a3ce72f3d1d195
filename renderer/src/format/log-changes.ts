/**
 * A log entry's before/after objects as field rows. A conflict entry (R7.4) also carries `sfValue` and `hsValue`
 * in `before`: both sides' values, so the losing one can be reviewed.
 */
import type { LogEntryView } from '../../../shared/contract/runs.js';

export interface LogFieldRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

export interface LogConflictView {
  sfValue: unknown;
  hsValue: unknown;
}

const CONFLICT_KEYS = new Set(['sfValue', 'hsValue']);

export function logFieldRows(entry: Pick<LogEntryView, 'before' | 'after'>): LogFieldRow[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (field) => !CONFLICT_KEYS.has(field) && field !== 'problems',
  );
  return fields.map((field) => {
    const b = before[field] ?? null;
    const a = field in after ? (after[field] ?? null) : b;
    return { field, before: b, after: a, changed: JSON.stringify(a) !== JSON.stringify(b) };
  });
}

export function logConflict(entry: Pick<LogEntryView, 'before' | 'outcome'>): LogConflictView | null {
  const before = entry.before;
  if (!before || !('sfValue' in before || 'hsValue' in before)) return null;
  return { sfValue: before.sfValue ?? null, hsValue: before.hsValue ?? null };
}
