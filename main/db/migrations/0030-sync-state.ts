import type { Migration } from './types.js';

/**
 * What the console itself knows: links and the last agreed field values (the base of R7.4's three-way merge),
 * mappings, runs with their journaled operations (plan → execute → resume), the retry queue and the log.
 */
export const syncStateMigration: Migration = {
  version: 30,
  name: 'sync state',
  up(db) {
    db.exec(`
      CREATE TABLE links (
        sf_account_id TEXT PRIMARY KEY,
        hs_company_id TEXT NOT NULL UNIQUE,     -- R0.3 one account ↔ one company
        matched_by TEXT NOT NULL,               -- link | contacts | domain | created | manual
        linked_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE field_state (
        sf_account_id TEXT NOT NULL REFERENCES links (sf_account_id) ON DELETE CASCADE,
        sf_field TEXT NOT NULL,
        value TEXT,                             -- JSON of the last value both sides agreed on
        synced_at TEXT NOT NULL,
        PRIMARY KEY (sf_account_id, sf_field)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE mappings (
        sf_field TEXT PRIMARY KEY,              -- R7.1 one-to-one
        hs_property TEXT NOT NULL UNIQUE,
        rule TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,                     -- import | sync | resync | apply-mapping | revert
        options TEXT NOT NULL,                  -- JSON
        state TEXT NOT NULL,                    -- planning | planned | running | paused | cancelled | completed | failed
        dry_run INTEGER NOT NULL DEFAULT 0,
        counts TEXT NOT NULL DEFAULT '{}',      -- JSON
        error TEXT,
        created_at TEXT NOT NULL,
        started_at TEXT,
        ended_at TEXT
      ) STRICT;

      CREATE TABLE run_ops (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        system TEXT NOT NULL,                   -- hubspot | salesforce
        operation TEXT NOT NULL,                -- create | update | skip | hold | link | ...
        sf_account_id TEXT,
        hs_company_id TEXT,
        payload TEXT,                           -- JSON: what will be written
        diff TEXT,                              -- JSON: [{field, before, after}]
        reason TEXT NOT NULL,                   -- reason code of the decision
        state TEXT NOT NULL,                    -- planned | sent | confirmed | failed | done (skip/hold)
        attempts INTEGER NOT NULL DEFAULT 0,
        error_category TEXT,
        error_message TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX run_ops_state ON run_ops (run_id, state, seq);

      -- Records changed since they were last planned (a mapped SF field, or an HS property of a linked company),
      -- noted in the same transaction as the cache update so a run killed before planning still sees them.
      CREATE TABLE pending_changes (
        side TEXT NOT NULL,                     -- sf | hs
        record_id TEXT NOT NULL,
        kind TEXT NOT NULL,                     -- new (first seen since the baseline) | changed
        noted_at TEXT NOT NULL,
        PRIMARY KEY (side, record_id)
      ) STRICT, WITHOUT ROWID;

      -- R9.3 records waiting to be tried again, with back-off.
      CREATE TABLE retry_queue (
        system TEXT NOT NULL,
        record_id TEXT NOT NULL,
        operation TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at TEXT NOT NULL,
        error_category TEXT NOT NULL,
        error_message TEXT NOT NULL,
        run_id TEXT,
        PRIMARY KEY (system, record_id)
      ) STRICT, WITHOUT ROWID;

      -- R9.1 append-only: every decision and write, field by field.
      CREATE TABLE log (
        id INTEGER PRIMARY KEY,
        run_id TEXT,
        at TEXT NOT NULL,
        direction TEXT NOT NULL,                -- sf_to_hs | hs_to_sf | local
        sf_account_id TEXT,
        hs_company_id TEXT,
        operation TEXT NOT NULL,
        reason TEXT,
        before TEXT,                            -- JSON
        after TEXT,                             -- JSON
        outcome TEXT NOT NULL,                  -- planned | written | skipped | held | failed | conflict
        category TEXT,                          -- R9.2
        message TEXT
      ) STRICT;
      CREATE INDEX log_run ON log (run_id, id);
      CREATE INDEX log_sf ON log (sf_account_id) WHERE sf_account_id IS NOT NULL;
      CREATE INDEX log_hs ON log (hs_company_id) WHERE hs_company_id IS NOT NULL;
      CREATE INDEX log_category ON log (category, id) WHERE category IS NOT NULL;
      CREATE INDEX log_at ON log (at);
    `);
  },
};
