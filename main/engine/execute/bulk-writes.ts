/**
 * Salesforce writes above a threshold (default 2,000 records, where Salesforce recommends Bulk API 2.0) go out as
 * ingest jobs instead of Collections of 200: about eight calls a job whatever its size. Each step is journaled
 * (bulk-journal.ts) so a run killed at any moment resumes without sending a row twice:
 * - killed before the upload was closed → the org never processes an Open job: it is aborted and its rows go out
 *   again in a new job;
 * - killed after → the run waits for the job and reads its result files, writing nothing again.
 */
import type { Database } from 'better-sqlite3';
import type { BulkJobResults } from '../../connectors/salesforce/bulk2-writer.js';
import { HUBSPOT_ID_FIELD } from '../refresh/fields.js';
import { markOps, type OpRow, opsBySeq } from '../runs/ops-store.js';
import { payloadOf } from './effects.js';
import { journalJob, markJob, unsettledJobs } from './bulk-journal.js';
import type { RecordResult, Remotes } from './remote-types.js';

export const BULK_WRITE_THRESHOLD = 2_000;
/** Rows per job: about 10 MB of CSV for accounts, far below the org's 150 MB per upload. */
export const BULK_JOB_ROWS = 50_000;

/** How one kind of op travels in a job: the job's operation, and the column that identifies each row's result. */
interface BulkShape {
  operation: 'update' | 'upsert';
  externalIdField?: string;
  keyColumn: string;
  record(op: OpRow): Record<string, unknown>;
}

const fieldsOf = (op: OpRow): Record<string, unknown> => payloadOf(op).fields ?? {};

const SHAPES: Partial<Record<OpRow['operation'], BulkShape>> = {
  update: { operation: 'update', keyColumn: 'Id', record: (op) => ({ Id: op.sfAccountId, ...fieldsOf(op) }) },
  // Account creation is an upsert on the company id, as in Collections: even a replay could not make a second one.
  create: {
    operation: 'upsert',
    externalIdField: HUBSPOT_ID_FIELD,
    keyColumn: HUBSPOT_ID_FIELD,
    record: (op) => ({ ...fieldsOf(op), [HUBSPOT_ID_FIELD]: op.hsCompanyId }),
  },
};

export const bulkShapeFor = (batch: OpRow[], threshold: number): BulkShape | undefined => {
  const first = batch[0];
  if (first?.system !== 'salesforce' || batch.length <= threshold) return undefined;
  return SHAPES[first.operation];
};

const keyOf = (shape: BulkShape, op: OpRow): string => String(shape.record(op)[shape.keyColumn] ?? '');

const noResult = (op: OpRow, message: string): RecordResult => ({
  ok: false,
  id: op.sfAccountId,
  category: 'NETWORK',
  code: 'NO_RESULT',
  message,
});

/** Results in batch order; rows the org never processed are `null` (to send again). */
function pair(shape: BulkShape, batch: OpRow[], answer: BulkJobResults, jobId: string): (RecordResult | null)[] {
  const unprocessed = new Set(answer.unprocessed);
  return batch.map((op) => {
    const key = keyOf(shape, op);
    if (unprocessed.has(key)) return null;
    return (
      answer.results.get(key) ??
      noResult(op, `Bulk API job ${jobId} reported nothing for this record; it will be retried.`)
    );
  });
}

/** Waits for a closed job and reads its results. */
async function collect(remotes: Remotes, jobId: string, shape: BulkShape, batch: OpRow[]) {
  const writer = remotes.salesforce();
  const status = await writer.bulkWaitDone(jobId);
  const answer = await writer.bulkResults(jobId, shape.keyColumn, status.state !== 'JobComplete');
  if (status.state === 'Failed' && answer.results.size === 0) {
    // The org refused the file as a whole (a column it does not know): every row fails with its reason.
    const message = `Salesforce failed Bulk API job ${jobId}: ${status.errorMessage ?? 'no reason given'}`;
    return batch.map(
      (op): RecordResult => ({
        ok: false,
        id: op.sfAccountId,
        category: 'UNCATEGORIZED',
        code: 'BULK_JOB_FAILED',
        message,
      }),
    );
  }
  return pair(shape, batch, answer, jobId);
}

export type Settle = (batch: OpRow[], results: RecordResult[]) => void;

/** Settles what a job answered; rows it never processed go back to `planned` for a new job. */
function settleJob(
  db: Database,
  settle: Settle,
  jobId: string,
  batch: OpRow[],
  results: (RecordResult | null)[],
): void {
  const done = batch.filter((_, i) => results[i] !== null);
  const again = batch.filter((_, i) => results[i] === null);
  db.transaction(() => {
    if (done.length > 0)
      settle(
        done,
        results.filter((r): r is RecordResult => r !== null),
      );
    if (again.length > 0)
      markOps(
        db,
        again[0]?.runId as string,
        again.map((op) => op.seq),
        'planned',
      );
    markJob(db, jobId, 'settled');
  })();
}

/** Sends a batch (already journaled `sent`) as one ingest job and settles it. */
export async function sendInBulk(
  db: Database,
  remotes: Remotes,
  batch: OpRow[],
  shape: BulkShape,
  settle: Settle,
  at: () => string,
): Promise<void> {
  const writer = remotes.salesforce();
  const first = batch[0] as OpRow;
  const jobId = await writer.bulkOpen('Account', shape.operation, shape.externalIdField);
  journalJob(
    db,
    { jobId, runId: first.runId, system: first.system, operation: first.operation },
    batch.map((op) => ({ seq: op.seq, rowKey: keyOf(shape, op) })),
    at(),
  );
  await writer.bulkUpload(jobId, batch.map(shape.record));
  await writer.bulkClose(jobId);
  markJob(db, jobId, 'closed');
  settleJob(db, settle, jobId, batch, await collect(remotes, jobId, shape, batch));
}

/**
 * Before a run (re)starts sending: every journaled job not settled is asked about. Open (never closed) or aborted
 * before processing → aborted and its rows planned again; otherwise its results settle its rows.
 */
export async function resumeBulkJobs(db: Database, remotes: Remotes, runId: string, settle: Settle): Promise<void> {
  for (const job of unsettledJobs(db, runId)) {
    const shape = SHAPES[job.operation];
    const batch = opsBySeq(
      db,
      runId,
      job.ops.map((op) => op.seq),
    );
    if (!shape || batch.length === 0) {
      markJob(db, job.jobId, 'settled');
      continue;
    }
    const writer = remotes.salesforce();
    const status = await writer.bulkStatus(job.jobId);
    if (status.state === 'Open') {
      await writer.bulkAbort(job.jobId);
      settleJob(
        db,
        settle,
        job.jobId,
        batch,
        batch.map(() => null),
      );
      continue;
    }
    settleJob(db, settle, job.jobId, batch, await collect(remotes, job.jobId, shape, batch));
  }
}
