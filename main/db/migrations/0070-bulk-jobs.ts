import type { Migration } from './types.js';

/**
 * The journal of Salesforce writes that go through Bulk API 2.0 ingest jobs: one row per job (its id as soon as the
 * org gave one) and one per op it carries. On resume the job's state on the org decides: never closed → nothing
 * was processed, the ops go out again in a new job; closed → wait for it and read its results. A row is thus never
 * processed twice.
 */
export const bulkJobsMigration: Migration = {
  version: 70,
  name: 'bulk api 2.0 write jobs',
  up(db) {
    db.exec(`
      CREATE TABLE bulk_jobs (
        job_id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL,
        system TEXT NOT NULL,
        operation TEXT NOT NULL,
        state TEXT NOT NULL,                  -- open | closed | settled
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX bulk_jobs_run ON bulk_jobs (run_id, state);
      CREATE TABLE bulk_job_ops (
        job_id TEXT NOT NULL REFERENCES bulk_jobs (job_id) ON DELETE CASCADE,
        run_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        row_key TEXT NOT NULL,                -- the op's value in the job's key column (Id or the external id)
        PRIMARY KEY (job_id, seq)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
