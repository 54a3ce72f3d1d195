/**
 * What the R3 rules need about each HubSpot company, read from the cache in SQL a page of companies at a time
 * (two queries per page, never one API call per company), so 500,000 companies run in bounded memory.
 */
import type { Database } from 'better-sqlite3';
import type { CreationCompany, CreationContact } from '../rules/account-creation.js';
import { type AutoCreatedRule, autoCreatedParams, autoCreatedSql } from './auto-created.js';

export interface CompanyFacts extends CreationCompany {
  name: string | null;
  ownerId: string | null;
  createdAt: string;
  /** The cached name of the linked account (null when unlinked or the account is not in the cache). */
  linkedAccountName: string | null;
  contacts: CreationContact[];
  /** Associated contact ids HubSpot answered with but the cache could not read (archived, no permission). */
  unreadableContactIds: string[];
}

export interface CompanyFilter {
  ownerId?: string | null;
  /** ISO date-time: companies created at or after it. */
  createdSince?: string | null;
  /** Companies with at least one associated contact in this HubSpot contact list. */
  listId?: string | null;
  /** Exactly these companies (a resync). */
  companyIds?: readonly string[] | null;
}

export interface FactsOptions {
  rule: AutoCreatedRule;
  /** R3.1c / R3.2c membership is read for this list (null = none configured). */
  inclusionListId: string | null;
  filter?: CompanyFilter;
  pageSize?: number;
}

/**
 * A contact whose salesforcecontactid names an SF contact the cache does not hold live (deleted, not yet read) is
 * not counted as private (R3.2b): nothing says its AccountId is empty. The sentinel stands in for "some account".
 */
export const UNKNOWN_SF_ACCOUNT = '(unknown)';

interface CompanyRow {
  id: string;
  name: string | null;
  owner_id: string | null;
  created_at: string;
  linked: string | null;
  linked_name: string | null;
  auto: number | null;
}

interface ContactRow {
  company_id: string;
  contact_id: string;
  readable: number;
  sf_contact_id: string | null;
  sf_lead_id: string | null;
  account_id: string | null;
  sf_live: number;
  in_list: number;
}

// The linked account's name is joined here, in the page's one query, so naming it costs no query per company.
const companySql = (byIds: boolean) => `
  SELECT c.id, c.name, c.owner_id, c.created_at,
    COALESCE(c.sf_account_id, l.sf_account_id) AS linked, sa.name AS linked_name,
    ${autoCreatedSql('c')} AS auto
  FROM ${byIds ? 'json_each(:ids) j JOIN hs_companies c ON c.id = j.value' : 'hs_companies c'}
  LEFT JOIN links l ON l.hs_company_id = c.id
  LEFT JOIN sf_accounts sa ON sa.id = COALESCE(c.sf_account_id, l.sf_account_id)
  WHERE c.archived = 0 AND c.id > :afterId
    AND (:ownerId IS NULL OR c.owner_id = :ownerId)
    AND (:createdSince IS NULL OR c.created_at >= :createdSince)
    AND (:listId IS NULL OR EXISTS (SELECT 1 FROM hs_associations fa
      JOIN hs_list_members fm ON fm.list_id = :listId AND fm.contact_id = fa.contact_id WHERE fa.company_id = c.id))
  ORDER BY c.id LIMIT :limit`;

const CONTACTS_SQL = `
  SELECT a.company_id, a.contact_id, hc.id IS NOT NULL AND hc.archived = 0 AS readable,
    hc.sf_contact_id, hc.sf_lead_id, sc.account_id, sc.id IS NOT NULL AND sc.is_deleted = 0 AS sf_live,
    m.contact_id IS NOT NULL AS in_list
  FROM json_each(:ids) j
  JOIN hs_associations a ON a.company_id = j.value
  LEFT JOIN hs_contacts hc ON hc.id = a.contact_id
  LEFT JOIN sf_contacts sc ON sc.id = hc.sf_contact_id
  LEFT JOIN hs_list_members m ON m.list_id = :inclusionListId AND m.contact_id = a.contact_id`;

function toContact(row: ContactRow): CreationContact {
  return {
    id: row.contact_id,
    sfContactId: row.sf_contact_id,
    sfLeadId: row.sf_lead_id,
    sfContactAccountId: row.sf_live === 1 ? row.account_id : UNKNOWN_SF_ACCOUNT,
    inInclusionList: row.in_list === 1,
  };
}

/** Pages of companies (in id order) with their contacts. */
export function* companyFactsPages(db: Database, options: FactsOptions): Generator<CompanyFacts[]> {
  const filter = options.filter ?? {};
  const byIds = filter.companyIds != null;
  const companies = db.prepare(companySql(byIds));
  const contacts = db.prepare(CONTACTS_SQL);
  const base = {
    ...autoCreatedParams(options.rule),
    ownerId: filter.ownerId ?? null,
    createdSince: filter.createdSince ?? null,
    listId: filter.listId ?? null,
    limit: options.pageSize ?? 1000,
    ...(byIds ? { ids: JSON.stringify([...new Set(filter.companyIds)]) } : {}),
  };
  let afterId = '';
  for (;;) {
    const rows = companies.all({ ...base, afterId }) as CompanyRow[];
    if (rows.length === 0) return;
    const byId = new Map<string, CompanyFacts>();
    for (const r of rows) {
      byId.set(r.id, {
        id: r.id,
        name: r.name,
        ownerId: r.owner_id,
        createdAt: r.created_at,
        linkedAccountId: r.linked,
        linkedAccountName: r.linked_name,
        createdByAutoAssociate: r.auto === 1,
        contacts: [],
        unreadableContactIds: [],
      });
    }
    const found = contacts.all({
      ids: JSON.stringify(rows.map((r) => r.id)),
      inclusionListId: options.inclusionListId,
    }) as ContactRow[];
    for (const row of found) {
      const company = byId.get(row.company_id);
      if (!company) continue;
      if (row.readable === 1) company.contacts.push(toContact(row));
      else company.unreadableContactIds.push(row.contact_id);
    }
    yield [...byId.values()];
    afterId = rows.at(-1)?.id as string;
  }
}
