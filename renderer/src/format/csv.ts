/** The CSV files the browser offers for download; the writer itself is shared with the engine. */
import type { RetryView } from '../../../shared/contract/runs.js';
import { toCsv } from '../../../shared/csv.js';

export { csvField, csvRow, toCsv } from '../../../shared/csv.js';

export const RETRIES_CSV_HEADER = [
  'system',
  'record_id',
  'operation',
  'category',
  'message',
  'attempts',
  'next_attempt_at',
] as const;

/** R9.4 the errored records of the sync health view, one row each. */
export function retriesCsv(retries: readonly RetryView[]): string {
  return toCsv(
    RETRIES_CSV_HEADER,
    retries.map((r) => [r.system, r.recordId, r.operation, r.category, r.message, r.attempts, r.nextAttemptAt]),
  );
}

/** A file name with the date, e.g. `sfhs-errors-2024-05-01.csv`. */
export const datedFileName = (stem: string, now: Date = new Date()): string =>
  `${stem}-${now.toISOString().slice(0, 10)}.csv`;
