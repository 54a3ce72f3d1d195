import type { Migration } from './types.js';

/**
 * Hold review (R6.4): what a person decided for a held account — link it to a candidate, create a new company, or
 * skip it for good — kept so every later run honours the decision instead of holding the account again; and an
 * index over the holds of the journal, so the queue of holds across runs is read without walking every op.
 */
export const engagementMigration: Migration = {
  version: 80,
  name: 'hold review',
  up(db) {
    db.exec(`
      CREATE TABLE hold_resolutions (
        sf_account_id TEXT PRIMARY KEY,
        action TEXT NOT NULL,                   -- link | create | skip
        hs_company_id TEXT,                     -- the chosen candidate (link)
        run_id TEXT,                            -- the run that carried the decision out
        resolved_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX run_ops_holds ON run_ops (sf_account_id, run_id) WHERE operation = 'hold';
    `);
  },
};
