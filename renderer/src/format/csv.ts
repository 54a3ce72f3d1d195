/** CSV as spreadsheets read it (RFC 4180): comma-separated, CRLF, quotes doubled, a field quoted when it must be. */
import type { RetryView } from '../../../shared/contract/runs.js';

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A leading = + - @ would run as a formula when the file is opened in a spreadsheet; a quote mark disarms it.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvRow = (values: readonly unknown[]): string => `${values.map(csvField).join(',')}\r\n`;

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return csvRow(header) + rows.map(csvRow).join('');
}

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
