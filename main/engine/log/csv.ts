/** RFC 4180 CSV for log and error exports (R9.4, R9.5). */
import type { LogRow } from './log-store.js';

export const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet: quote it with a leading apostrophe.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const csvLine = (cells: unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;

export const LOG_CSV_HEADER = [
  'id',
  'at',
  'run_id',
  'direction',
  'sf_account_id',
  'hs_company_id',
  'operation',
  'reason',
  'outcome',
  'category',
  'message',
  'before',
  'after',
  'name',
  'domain',
];

export const logCsvLine = (r: LogRow): string =>
  csvLine([
    r.id,
    r.at,
    r.runId,
    r.direction,
    r.sfAccountId,
    r.hsCompanyId,
    r.operation,
    r.reason,
    r.outcome,
    r.category,
    r.message,
    r.before,
    r.after,
    r.name,
    r.domain,
  ]);
