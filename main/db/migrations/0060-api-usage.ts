import type { Migration } from './types.js';

/**
 * R8.2 this console's API calls per system and hour (epoch hours), so the rolling 24 h budget and Health's use
 * of the day are the same in every process on the data folder — the app, `sfhs sync`, a second terminal.
 */
export const apiUsageMigration: Migration = {
  version: 60,
  name: 'api usage per hour',
  up(db) {
    db.exec(`
      CREATE TABLE api_usage (
        system TEXT NOT NULL CHECK (system IN ('salesforce', 'hubspot')),
        hour INTEGER NOT NULL,
        calls INTEGER NOT NULL,
        PRIMARY KEY (system, hour)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
