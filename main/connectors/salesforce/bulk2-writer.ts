/**
 * Bulk API 2.0 ingest jobs, one step per method so the engine can journal between them (create → upload → close →
 * wait → results): a run killed between any two steps knows from the job's state on the org whether its rows were
 * processed. Salesforce recommends Bulk API 2.0 above 2,000 records; a job costs about eight calls whatever its
 * size, where Collections cost one call per 200 records.
 */
import type { Connection } from 'jsforce';
import { csvRow } from '../../../shared/csv.js';
import type { RateScheduler } from '../rate/scheduler.js';
import { type RecordResult, RemoteError } from '../types.js';
import { toRecordResult } from './save-results.js';

export type BulkWriteOperation = 'update' | 'upsert';
export type BulkJobState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

export interface BulkJobStatus {
  state: BulkJobState;
  errorMessage: string | null;
}

/** Each row's outcome keyed by the row's key column (Id for updates, the external id for upserts). */
export interface BulkJobResults {
  results: Map<string, RecordResult>;
  /** Keys of rows the org never processed (aborted or failed job): safe to send again. */
  unprocessed: string[];
}

export const BULK_FINAL_STATES: ReadonlySet<string> = new Set(['JobComplete', 'Failed', 'Aborted']);

/** CSV cells as Bulk API 2.0 reads them: `#N/A` clears a field (an empty cell would leave it as it is). */
const cell = (value: unknown): unknown => (value === null ? '#N/A' : value);

/** The upload: one column per field any record names, CRLF lines (the job says so), values stored as sent. */
export function bulkCsv(records: Record<string, unknown>[]): string {
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  let csv = csvRow(columns, { guardFormulas: false });
  for (const record of records) {
    csv += csvRow(
      columns.map((c) => (c in record ? cell(record[c]) : undefined)),
      { guardFormulas: false },
    );
  }
  return csv;
}

/** `CODE:message:Field1,Field2 --` (several joined by spaces) → the Collections error shape. */
function errorsOf(text: string): { statusCode: string; message: string; fields: string[] }[] {
  return text
    .split(/ --\s*/)
    .filter(Boolean)
    .map((part) => {
      const first = part.indexOf(':');
      const last = part.lastIndexOf(':');
      const statusCode = first > 0 ? part.slice(0, first) : 'UNKNOWN_EXCEPTION';
      const message = last > first ? part.slice(first + 1, last) : part.slice(first + 1);
      const fields =
        last > first
          ? part
              .slice(last + 1)
              .split(',')
              .filter(Boolean)
          : [];
      return { statusCode, message, fields };
    });
}

export class Bulk2Writer {
  constructor(
    private readonly conn: Connection,
    private readonly scheduler: RateScheduler,
    private readonly pollIntervalMs: number,
    private readonly pollTimeoutMs: number,
  ) {}

  private call<T>(fn: () => Promise<T>, idempotent = true): Promise<T> {
    return this.scheduler.run(fn, { idempotent });
  }

  private job(jobId: string) {
    return this.conn.bulk2.job('ingest', { id: jobId });
  }

  /** Creates an Open job; nothing it holds is processed until `close`. */
  async open(sobject: string, operation: BulkWriteOperation, externalIdField?: string): Promise<string> {
    const job = this.conn.bulk2.createJob({
      object: sobject,
      operation,
      lineEnding: 'CRLF',
      ...(externalIdField ? { externalIdFieldName: externalIdField } : {}),
    });
    // Not idempotent: a lost answer leaves at most an empty Open job, which the org discards on its own.
    const info = await this.call(() => job.open(), false);
    return info.id as string;
  }

  async upload(jobId: string, records: Record<string, unknown>[]): Promise<void> {
    const body = bulkCsv(records);
    await this.call(() => this.job(jobId).uploadData(body));
  }

  async close(jobId: string): Promise<void> {
    await this.call(() => this.job(jobId).close());
  }

  async abort(jobId: string): Promise<void> {
    await this.call(() => this.job(jobId).abort());
  }

  async status(jobId: string): Promise<BulkJobStatus> {
    const info = await this.call(() => this.job(jobId).check());
    return { state: info.state as BulkJobState, errorMessage: info.errorMessage ?? null };
  }

  /** Polls until the job is complete, failed or aborted. */
  async waitDone(jobId: string): Promise<BulkJobStatus> {
    const deadline = Date.now() + this.pollTimeoutMs;
    for (;;) {
      const status = await this.status(jobId);
      if (BULK_FINAL_STATES.has(status.state)) return status;
      if (Date.now() > deadline) {
        // Retryable: the job keeps running on the org, and a resumed run picks it up from the journal.
        throw new RemoteError(
          'salesforce',
          'NETWORK',
          `Salesforce has not finished Bulk API job ${jobId} (still ${status.state} after ${Math.round(this.pollTimeoutMs / 1000)} s); the run resumes it later.`,
          true,
          undefined,
          'BULK_JOB_TIMEOUT',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, this.pollIntervalMs));
    }
  }

  /** The result files, each row keyed by `keyColumn`; the unprocessed file only when asked (it costs a call). */
  async results(jobId: string, keyColumn: string, withUnprocessed: boolean): Promise<BulkJobResults> {
    const job = this.job(jobId);
    const results = new Map<string, RecordResult>();
    const successful = (await this.call(() => job.getSuccessfulResults())) as unknown as Record<string, string>[];
    for (const row of successful) {
      const result = toRecordResult({ id: row.sf__Id, success: true, created: row.sf__Created === 'true' }, null);
      results.set(row[keyColumn] ?? '', result);
    }
    const failed = (await this.call(() => job.getFailedResults())) as unknown as Record<string, string>[];
    for (const row of failed) {
      const errors = errorsOf(row.sf__Error ?? '');
      results.set(row[keyColumn] ?? '', toRecordResult({ id: row.sf__Id || null, success: false, errors }, null));
    }
    if (!withUnprocessed) return { results, unprocessed: [] };
    const unprocessed = (await this.call(() => job.getUnprocessedRecords())) as unknown as Record<string, string>[];
    return { results, unprocessed: unprocessed.map((row) => row[keyColumn] ?? '') };
  }
}
