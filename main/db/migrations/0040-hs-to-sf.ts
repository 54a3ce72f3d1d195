import type { Migration } from './types.js';

/**
 * HubSpot → Salesforce account creation (R3): what each company's contacts looked like when the rules last saw it,
 * so a sync cycle evaluates exactly the companies that are new or whose contact associations changed (R3), and
 * indexes for the preview: its filters (owner, created since) and its per-contact lookups.
 */
export const hsToSfMigration: Migration = {
  version: 40,
  name: 'hs to sf account creation',
  up(db) {
    db.exec(`
      CREATE TABLE hs_company_evaluations (
        company_id TEXT PRIMARY KEY,
        contacts_signature TEXT NOT NULL,     -- hash of the sorted associated contact ids
        reason TEXT,                          -- last R3.4 reason; NULL = baseline (seen, never evaluated)
        evaluated_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX hs_companies_created ON hs_companies (created_at);
      CREATE INDEX hs_companies_owner ON hs_companies (owner_id) WHERE owner_id IS NOT NULL;
      CREATE INDEX hs_contacts_updated ON hs_contacts (updated_at);
      -- Covering the columns the R3 decision reads, so the preview's per-contact lookups are one B-tree search
      -- each instead of two (id index, then the row): half the time at 1,500,000 contacts (docs/benchmarks.md).
      CREATE INDEX hs_contacts_r3 ON hs_contacts (id, archived, sf_contact_id, sf_lead_id);
      CREATE INDEX sf_contacts_r3 ON sf_contacts (id, is_deleted, account_id);
    `);
  },
};
