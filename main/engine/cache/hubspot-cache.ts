/**
 * The HubSpot side of the local cache: companies (with per-property change times for R7.4), contacts, the
 * company↔contact associations, inclusion-list members and owners.
 */
import { prepared } from '../../db/statements.js';
import type { Database } from 'better-sqlite3';
import type { HsObjectRecord } from '../../connectors/types.js';
import { normalizeDomain } from '../rules/domain.js';
import { parseSfId } from '../rules/ids.js';
import type { OwnerPerson } from '../rules/owners.js';

export interface CachedHsCompany {
  id: string;
  name: string | null;
  domain: string | null;
  sfAccountId: string | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  properties: Record<string, string | null>;
  propertyTimes: Record<string, string>;
}

/** R0.2 the link property may hold a 15-char id or junk; junk is kept out of the index (it links nothing). */
const sfAccountIdOf = (value: string | null | undefined): string | null => {
  if (!value) return null;
  const parsed = parseSfId(value);
  return parsed.ok ? parsed.id18 : null;
};

/**
 * R7.4 per-property change times. A time HubSpot reported wins; a value that changed without one (a list or search
 * page has no history) changed at the latest at the record's updatedAt — never keep the older time of a value
 * that is gone, or an edit in HubSpot would lose every Two-way merge.
 */
function propertyTimesAfter(
  known: { properties: string; property_times: string } | undefined,
  r: HsObjectRecord,
): Record<string, string> {
  if (!known) return { ...r.propertyTimes };
  const times = JSON.parse(known.property_times) as Record<string, string>;
  const before = JSON.parse(known.properties) as Record<string, string | null>;
  for (const [name, value] of Object.entries(r.properties)) {
    if ((before[name] ?? null) !== (value ?? null) && name in times) times[name] = r.updatedAt;
  }
  return { ...times, ...r.propertyTimes };
}

export function saveHsCompanies(db: Database, records: HsObjectRecord[]): void {
  const read = prepared(db, 'SELECT properties, property_times FROM hs_companies WHERE id = :id');
  const write = prepared(
    db,
    `INSERT INTO hs_companies (id, name, domain, sf_account_id, owner_id, object_source,
      lifecyclestage, archived, created_at, updated_at, properties, property_times)
    VALUES (:id, :name, :domain, :sfAccountId, :ownerId, :objectSource, :lifecyclestage, :archived, :createdAt,
      :updatedAt, :properties, :propertyTimes)
    ON CONFLICT(id) DO UPDATE SET name = excluded.name, domain = excluded.domain,
      sf_account_id = excluded.sf_account_id, owner_id = excluded.owner_id, object_source = excluded.object_source,
      lifecyclestage = excluded.lifecyclestage, archived = excluded.archived, updated_at = excluded.updated_at,
      properties = excluded.properties, property_times = excluded.property_times`,
  );
  db.transaction(() => {
    for (const r of records) {
      const p = r.properties;
      const known = read.get({ id: r.id }) as { properties: string; property_times: string } | undefined;
      const times = propertyTimesAfter(known, r);
      write.run({
        id: r.id,
        name: p.name ?? null,
        domain: normalizeDomain(p.domain ?? null),
        sfAccountId: sfAccountIdOf(p.salesforceaccountid),
        ownerId: p.hubspot_owner_id || null,
        objectSource: p.hs_object_source ?? null,
        lifecyclestage: p.lifecyclestage || null,
        archived: r.archived ? 1 : 0,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        properties: JSON.stringify(p),
        propertyTimes: JSON.stringify(times),
      });
    }
  })();
}

interface CompanyRow {
  id: string;
  name: string | null;
  domain: string | null;
  sf_account_id: string | null;
  archived: number;
  created_at: string;
  updated_at: string;
  properties: string;
  property_times: string;
}

const toCompany = (row: CompanyRow): CachedHsCompany => ({
  id: row.id,
  name: row.name,
  domain: row.domain,
  sfAccountId: row.sf_account_id,
  archived: row.archived === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  properties: JSON.parse(row.properties) as Record<string, string | null>,
  propertyTimes: JSON.parse(row.property_times) as Record<string, string>,
});

export function getHsCompany(db: Database, id: string): CachedHsCompany | null {
  const row = prepared(db, 'SELECT * FROM hs_companies WHERE id = :id').get({ id }) as CompanyRow | undefined;
  return row ? toCompany(row) : null;
}

/** Companies found archived or deleted in HubSpot after they were read (a write answered OBJECT_NOT_FOUND). */
export function markHsCompaniesArchived(db: Database, ids: string[]): void {
  const stmt = prepared(db, 'UPDATE hs_companies SET archived = 1 WHERE id = :id');
  db.transaction(() => {
    for (const id of ids) stmt.run({ id });
  })();
}

/** R6.1 companies whose salesforceaccountid is this account (more than one = a duplicate link, R0.3). */
export function companiesLinkedTo(db: Database, sfAccountId: string): string[] {
  return prepared(db, 'SELECT id FROM hs_companies WHERE sf_account_id = :sfAccountId AND archived = 0 ORDER BY id')
    .pluck()
    .all({ sfAccountId }) as string[];
}

/** R6.2 companies associated with the HS contacts that sync with this account's SF contacts. */
export function companiesByAccountContacts(db: Database, sfAccountId: string): string[] {
  return prepared(
    db,
    `SELECT DISTINCT a.company_id FROM sf_contacts sc
      JOIN hs_contacts hc ON hc.sf_contact_id = sc.id AND hc.archived = 0
      JOIN hs_associations a ON a.contact_id = hc.id
      JOIN hs_companies c ON c.id = a.company_id AND c.archived = 0
      WHERE sc.account_id = :sfAccountId AND sc.is_deleted = 0 ORDER BY a.company_id`,
  )
    .pluck()
    .all({ sfAccountId }) as string[];
}

/** R6.3 unlinked companies with this normalised domain. */
export function companiesByDomain(db: Database, domain: string): string[] {
  return prepared(db, 'SELECT id FROM hs_companies WHERE domain = :domain AND archived = 0 ORDER BY id')
    .pluck()
    .all({ domain }) as string[];
}

export function saveHsContacts(db: Database, records: HsObjectRecord[]): void {
  const stmt = prepared(
    db,
    `INSERT INTO hs_contacts (id, email, sf_contact_id, sf_lead_id, lifecyclestage, owner_id,
      archived, updated_at, properties)
    VALUES (:id, :email, :sfContactId, :sfLeadId, :lifecyclestage, :ownerId, :archived, :updatedAt, :properties)
    ON CONFLICT(id) DO UPDATE SET email = excluded.email, sf_contact_id = excluded.sf_contact_id,
      sf_lead_id = excluded.sf_lead_id, lifecyclestage = excluded.lifecyclestage, owner_id = excluded.owner_id,
      archived = excluded.archived, updated_at = excluded.updated_at, properties = excluded.properties`,
  );
  const sfId = (v: string | null | undefined) => {
    const parsed = v ? parseSfId(v) : null;
    return parsed?.ok ? parsed.id18 : null;
  };
  db.transaction(() => {
    for (const r of records) {
      const p = r.properties;
      stmt.run({
        id: r.id,
        email: p.email ?? null,
        sfContactId: sfId(p.salesforcecontactid),
        sfLeadId: sfId(p.salesforceleadid),
        lifecyclestage: p.lifecyclestage || null,
        ownerId: p.hubspot_owner_id || null,
        archived: r.archived ? 1 : 0,
        updatedAt: r.updatedAt,
        properties: JSON.stringify(p),
      });
    }
  })();
}

/** Replaces the known associations of these companies with what HubSpot answered. */
export function saveCompanyContacts(db: Database, byCompany: Map<string, string[]>): void {
  const clear = prepared(db, 'DELETE FROM hs_associations WHERE company_id = :companyId');
  const add = prepared(
    db,
    'INSERT OR IGNORE INTO hs_associations (company_id, contact_id) VALUES (:companyId, :contactId)',
  );
  db.transaction(() => {
    for (const [companyId, contactIds] of byCompany) {
      clear.run({ companyId });
      for (const contactId of contactIds) add.run({ companyId, contactId });
    }
  })();
}

export function saveListMembers(db: Database, listId: string, contactIds: string[], replace: boolean): void {
  const add = prepared(db, 'INSERT OR IGNORE INTO hs_list_members (list_id, contact_id) VALUES (:listId, :contactId)');
  db.transaction(() => {
    if (replace) prepared(db, 'DELETE FROM hs_list_members WHERE list_id = :listId').run({ listId });
    for (const contactId of contactIds) add.run({ listId, contactId });
  })();
}

export function saveOwners(db: Database, owners: OwnerPerson[]): void {
  const stmt = prepared(
    db,
    `INSERT INTO hs_owners (id, email, first_name, last_name, archived)
    VALUES (:id, :email, :firstName, :lastName, :archived)
    ON CONFLICT(id) DO UPDATE SET email = excluded.email, first_name = excluded.first_name,
      last_name = excluded.last_name, archived = excluded.archived`,
  );
  db.transaction(() => {
    for (const o of owners) stmt.run({ ...o, archived: o.archived ? 1 : 0 });
  })();
}

export function hsOwners(db: Database): OwnerPerson[] {
  const rows = prepared(db, 'SELECT id, email, first_name, last_name, archived FROM hs_owners').all() as {
    id: string;
    email: string | null;
    first_name: string | null;
    last_name: string | null;
    archived: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    archived: r.archived === 1,
  }));
}
