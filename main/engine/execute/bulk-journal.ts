/**
 * The journal of Bulk API 2.0 write jobs (migration 0050): which ops a job carries, and how far the run got with
 * it. The org's own job state decides what a resumed run does; this journal only says which jobs to ask about.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../../db/statements.js';
import type { OpRow, OpSystem } from '../runs/ops-store.js';

export type BulkJournalState = 'open' | 'closed' | 'settled';

export interface JournaledJob {
  jobId: string;
  operation: OpRow['operation'];
  /** The job's ops still `sent` (not yet confirmed or failed), each with its key in the job's CSV. */
  ops: { seq: number; rowKey: string }[];
}

export function journalJob(
  db: Database,
  job: { jobId: string; runId: string; system: OpSystem; operation: OpRow['operation'] },
  ops: { seq: number; rowKey: string }[],
  at: string,
): void {
  db.transaction(() => {
    prepared(
      db,
      `INSERT INTO bulk_jobs (job_id, run_id, system, operation, state, created_at)
       VALUES (:jobId, :runId, :system, :operation, 'open', :at)`,
    ).run({ ...job, at });
    const row = prepared(
      db,
      'INSERT INTO bulk_job_ops (job_id, run_id, seq, row_key) VALUES (:jobId, :runId, :seq, :rowKey)',
    );
    for (const op of ops) row.run({ jobId: job.jobId, runId: job.runId, seq: op.seq, rowKey: op.rowKey });
  })();
}

export function markJob(db: Database, jobId: string, state: BulkJournalState): void {
  prepared(db, 'UPDATE bulk_jobs SET state = :state WHERE job_id = :jobId').run({ jobId, state });
}

/** Jobs of the run not yet settled, with their ops that still wait for an outcome. */
export function unsettledJobs(db: Database, runId: string): JournaledJob[] {
  const jobs = prepared(
    db,
    "SELECT job_id, operation FROM bulk_jobs WHERE run_id = :runId AND state != 'settled' ORDER BY created_at",
  ).all({ runId }) as { job_id: string; operation: OpRow['operation'] }[];
  const ops = prepared(
    db,
    `SELECT b.seq, b.row_key FROM bulk_job_ops b JOIN run_ops o ON o.run_id = b.run_id AND o.seq = b.seq
     WHERE b.job_id = :jobId AND o.state = 'sent' ORDER BY b.seq`,
  );
  return jobs.map((job) => ({
    jobId: job.job_id,
    operation: job.operation,
    ops: (ops.all({ jobId: job.job_id }) as { seq: number; row_key: string }[]).map((r) => ({
      seq: r.seq,
      rowKey: r.row_key,
    })),
  }));
}

/** Planned ops of one system still to send in the run: decides whether its writes go in bulk. */
export function plannedCount(db: Database, runId: string, system: OpSystem): number {
  return prepared(
    db,
    "SELECT COUNT(*) FROM run_ops INDEXED BY run_ops_state WHERE run_id = :runId AND state = 'planned' AND system = :system",
  )
    .pluck()
    .get({ runId, system }) as number;
}
