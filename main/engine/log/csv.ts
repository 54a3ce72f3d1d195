/** RFC 4180 CSV for log and error exports (R9.4, R9.5). */
import { csvRow } from '../../../shared/csv.js';
import type { LogRow } from './log-store.js';

export { csvRow as csvLine } from '../../../shared/csv.js';

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
  csvRow([
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
