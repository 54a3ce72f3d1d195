import type { Migration } from './types.js';

/**
 * Account hierarchy: each HubSpot company's parent company as the v4 associations say (13/14), mirrored like the
 * company ↔ contact associations. The Salesforce side needs no table: ParentId is read with the account's fields.
 */
export const hierarchyMigration: Migration = {
  version: 90,
  name: 'account hierarchy',
  up(db) {
    db.exec(`
      CREATE TABLE hs_company_parents (
        company_id TEXT PRIMARY KEY,
        parent_id TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX hs_company_parents_parent ON hs_company_parents (parent_id);
    `);
  },
};
