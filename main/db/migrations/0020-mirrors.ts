import type { Migration } from './types.js';

/**
 * Local mirrors of both systems: only what the rules need as columns (indexed for matching and the preview), plus
 * every fetched field as JSON so any mapped field can be diffed without a schema change.
 */
export const mirrorsMigration: Migration = {
  version: 20,
  name: 'mirrors',
  up(db) {
    db.exec(`
      CREATE TABLE sf_accounts (
        id TEXT PRIMARY KEY,             -- 18-char case-safe (R0.2)
        name TEXT,
        domain TEXT,                     -- normalised Website (R6.3)
        owner_id TEXT,
        hubspot_company_id TEXT,         -- external id of accounts created from HubSpot
        master_record_id TEXT,
        is_deleted INTEGER NOT NULL DEFAULT 0,
        created_date TEXT NOT NULL,
        system_modstamp TEXT NOT NULL,
        fields TEXT NOT NULL             -- JSON of every fetched field
      ) STRICT;
      CREATE INDEX sf_accounts_modstamp ON sf_accounts (system_modstamp);
      CREATE INDEX sf_accounts_domain ON sf_accounts (domain) WHERE domain IS NOT NULL;

      CREATE TABLE sf_contacts (
        id TEXT PRIMARY KEY,
        account_id TEXT,                 -- NULL = a private contact (R3.2b)
        email TEXT,
        is_deleted INTEGER NOT NULL DEFAULT 0,
        system_modstamp TEXT NOT NULL,
        fields TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sf_contacts_account ON sf_contacts (account_id);

      CREATE TABLE sf_leads (
        id TEXT PRIMARY KEY,
        email TEXT,
        is_converted INTEGER NOT NULL DEFAULT 0,
        is_deleted INTEGER NOT NULL DEFAULT 0,
        system_modstamp TEXT NOT NULL,
        fields TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sf_users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT,
        is_active INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE hs_companies (
        id TEXT PRIMARY KEY,
        name TEXT,
        domain TEXT,                     -- normalised domain property (R6.3)
        sf_account_id TEXT,              -- the salesforceaccountid property, 18-char (R0.1)
        owner_id TEXT,
        object_source TEXT,              -- how HubSpot created it (R3.2a)
        lifecyclestage TEXT,
        archived INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        properties TEXT NOT NULL,        -- JSON {name: value}
        property_times TEXT NOT NULL DEFAULT '{}'  -- JSON {name: ISO timestamp of its last change} (R7.4)
      ) STRICT;
      CREATE INDEX hs_companies_sf_account ON hs_companies (sf_account_id) WHERE sf_account_id IS NOT NULL;
      CREATE INDEX hs_companies_domain ON hs_companies (domain) WHERE domain IS NOT NULL;
      CREATE INDEX hs_companies_updated ON hs_companies (updated_at);

      CREATE TABLE hs_contacts (
        id TEXT PRIMARY KEY,
        email TEXT,
        sf_contact_id TEXT,
        sf_lead_id TEXT,
        lifecyclestage TEXT,
        owner_id TEXT,
        archived INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        properties TEXT NOT NULL
      ) STRICT;
      CREATE INDEX hs_contacts_sf_contact ON hs_contacts (sf_contact_id) WHERE sf_contact_id IS NOT NULL;

      CREATE TABLE hs_associations (
        company_id TEXT NOT NULL,
        contact_id TEXT NOT NULL,
        PRIMARY KEY (company_id, contact_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX hs_associations_contact ON hs_associations (contact_id, company_id);

      CREATE TABLE hs_list_members (
        list_id TEXT NOT NULL,
        contact_id TEXT NOT NULL,
        PRIMARY KEY (list_id, contact_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE hs_owners (
        id TEXT PRIMARY KEY,
        email TEXT,
        first_name TEXT,
        last_name TEXT,
        archived INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      -- Where each incremental read stopped, per object (R2.4: SystemModstamp cursor with overlap).
      CREATE TABLE sync_cursors (
        object TEXT PRIMARY KEY,         -- e.g. 'sf:Account', 'hs:companies'
        cursor TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
