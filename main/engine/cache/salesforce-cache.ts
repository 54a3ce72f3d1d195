/**
 * The Salesforce side of the local cache: accounts, contacts, leads and users as the connector returned them.
 * Functions are shaped (db, ...args) so tests pass any database; writes are batched in one transaction per page.
 */
import { prepared } from '../../db/statements.js';
import type { Database } from 'better-sqlite3';
import type { SfRecord } from '../../connectors/types.js';
import { normalizeDomain } from '../rules/domain.js';
import { toSfId18 } from '../rules/ids.js';
import type { SfUserPerson } from '../rules/owners.js';

export interface CachedSfAccount {
  id: string;
  name: string | null;
  domain: string | null;
  ownerId: string | null;
  hubspotCompanyId: string | null;
  masterRecordId: string | null;
  isDeleted: boolean;
  createdDate: string;
  systemModstamp: string;
  fields: Record<string, unknown>;
}

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** Saves a page of accounts; returns, per account, the fields as they were cached before (null = new). */
export function saveSfAccounts(db: Database, records: SfRecord[]): Map<string, Record<string, unknown> | null> {
  const previous = new Map<string, Record<string, unknown> | null>();
  const read = prepared(db, 'SELECT fields FROM sf_accounts WHERE id = :id');
  const write = prepared(
    db,
    `INSERT INTO sf_accounts
      (id, name, domain, owner_id, hubspot_company_id, master_record_id, is_deleted, created_date, system_modstamp, fields)
    VALUES (:id, :name, :domain, :ownerId, :hubspotCompanyId, :masterRecordId, :isDeleted, :createdDate, :systemModstamp, :fields)
    ON CONFLICT(id) DO UPDATE SET name = excluded.name, domain = excluded.domain, owner_id = excluded.owner_id,
      hubspot_company_id = excluded.hubspot_company_id, master_record_id = excluded.master_record_id,
      is_deleted = excluded.is_deleted, created_date = excluded.created_date,
      system_modstamp = excluded.system_modstamp, fields = excluded.fields`,
  );
  db.transaction(() => {
    for (const record of records) {
      const id = toSfId18(record.Id);
      const before = read.get({ id }) as { fields: string } | undefined;
      previous.set(id, before ? (JSON.parse(before.fields) as Record<string, unknown>) : null);
      const { attributes: _attributes, ...fields } = record as SfRecord & { attributes?: unknown };
      write.run({
        id,
        name: str(record.Name),
        domain: normalizeDomain(str(record.Website)),
        ownerId: str(record.OwnerId),
        hubspotCompanyId: str(record.HubSpot_Company_Id__c),
        masterRecordId: str(record.MasterRecordId),
        isDeleted: record.IsDeleted === true || record.IsDeleted === 'true' ? 1 : 0,
        createdDate: str(record.CreatedDate) ?? '',
        systemModstamp: str(record.SystemModstamp) ?? '',
        fields: JSON.stringify({ ...fields, Id: id }),
      });
    }
  })();
  return previous;
}

interface AccountRow {
  id: string;
  name: string | null;
  domain: string | null;
  owner_id: string | null;
  hubspot_company_id: string | null;
  master_record_id: string | null;
  is_deleted: number;
  created_date: string;
  system_modstamp: string;
  fields: string;
}

const toAccount = (row: AccountRow): CachedSfAccount => ({
  id: row.id,
  name: row.name,
  domain: row.domain,
  ownerId: row.owner_id,
  hubspotCompanyId: row.hubspot_company_id,
  masterRecordId: row.master_record_id,
  isDeleted: row.is_deleted === 1,
  createdDate: row.created_date,
  systemModstamp: row.system_modstamp,
  fields: JSON.parse(row.fields) as Record<string, unknown>,
});

export function getSfAccount(db: Database, id: string): CachedSfAccount | null {
  const row = prepared(db, 'SELECT * FROM sf_accounts WHERE id = :id').get({ id }) as AccountRow | undefined;
  return row ? toAccount(row) : null;
}

/** Keyset paging: memory stays bounded however many accounts there are (R2.5). */
export function sfAccountPage(db: Database, afterId: string, limit: number): CachedSfAccount[] {
  const rows = prepared(db, 'SELECT * FROM sf_accounts WHERE id > :afterId ORDER BY id LIMIT :limit').all({
    afterId,
    limit,
  }) as AccountRow[];
  return rows.map(toAccount);
}

export function markSfAccountsDeleted(db: Database, ids: string[]): void {
  const stmt = prepared(db, 'UPDATE sf_accounts SET is_deleted = 1 WHERE id = :id');
  db.transaction(() => {
    for (const id of ids) stmt.run({ id: toSfId18(id) });
  })();
}

/**
 * R10.2 a merge moves the merged-away account's contacts to the surviving one. Called before a page of contacts is
 * saved: a contact leaving an account deleted in this read for a live account names that account as the master,
 * when Salesforce's MasterRecordId is not known (deleted rows are only readable through queryAll).
 */
export function noteMergesFromContacts(db: Database, records: SfRecord[], deletedIds: ReadonlySet<string>): void {
  if (deletedIds.size === 0) return;
  const cachedAccount = prepared(db, 'SELECT account_id FROM sf_contacts WHERE id = :id').pluck();
  const setMaster = prepared(
    db,
    'UPDATE sf_accounts SET master_record_id = :master WHERE id = :id AND master_record_id IS NULL AND is_deleted = 1',
  );
  for (const r of records) {
    const before = cachedAccount.get({ id: toSfId18(r.Id) }) as string | null | undefined;
    const after = str(r.AccountId);
    if (!before || !after || !deletedIds.has(before)) continue;
    const master = toSfId18(after);
    if (master !== before && !deletedIds.has(master)) setMaster.run({ id: before, master });
  }
}

export function saveSfContacts(db: Database, records: SfRecord[]): void {
  const stmt = prepared(
    db,
    `INSERT INTO sf_contacts (id, account_id, email, is_deleted, system_modstamp, fields)
    VALUES (:id, :accountId, :email, :isDeleted, :systemModstamp, :fields)
    ON CONFLICT(id) DO UPDATE SET account_id = excluded.account_id, email = excluded.email,
      is_deleted = excluded.is_deleted, system_modstamp = excluded.system_modstamp, fields = excluded.fields`,
  );
  db.transaction(() => {
    for (const r of records) {
      const accountId = str(r.AccountId);
      stmt.run({
        id: toSfId18(r.Id),
        accountId: accountId ? toSfId18(accountId) : null,
        email: str(r.Email),
        isDeleted: r.IsDeleted === true ? 1 : 0,
        systemModstamp: str(r.SystemModstamp) ?? '',
        fields: JSON.stringify(r),
      });
    }
  })();
}

export function saveSfLeads(db: Database, records: SfRecord[]): void {
  const stmt = prepared(
    db,
    `INSERT INTO sf_leads (id, email, is_converted, is_deleted, system_modstamp, fields)
    VALUES (:id, :email, :isConverted, :isDeleted, :systemModstamp, :fields)
    ON CONFLICT(id) DO UPDATE SET email = excluded.email, is_converted = excluded.is_converted,
      is_deleted = excluded.is_deleted, system_modstamp = excluded.system_modstamp, fields = excluded.fields`,
  );
  db.transaction(() => {
    for (const r of records) {
      stmt.run({
        id: toSfId18(r.Id),
        email: str(r.Email),
        isConverted: r.IsConverted === true ? 1 : 0,
        isDeleted: r.IsDeleted === true ? 1 : 0,
        systemModstamp: str(r.SystemModstamp) ?? '',
        fields: JSON.stringify(r),
      });
    }
  })();
}

export function saveSfUsers(db: Database, records: SfRecord[]): void {
  const stmt = prepared(
    db,
    `INSERT INTO sf_users (id, name, email, is_active) VALUES (:id, :name, :email, :isActive)
    ON CONFLICT(id) DO UPDATE SET name = excluded.name, email = excluded.email, is_active = excluded.is_active`,
  );
  db.transaction(() => {
    for (const r of records) {
      stmt.run({ id: toSfId18(r.Id), name: str(r.Name) ?? '', email: str(r.Email), isActive: r.IsActive ? 1 : 0 });
    }
  })();
}

export function sfUsers(db: Database): SfUserPerson[] {
  const rows = prepared(db, 'SELECT id, name, email, is_active FROM sf_users').all() as {
    id: string;
    name: string;
    email: string | null;
    is_active: number;
  }[];
  return rows.map((r) => ({ Id: r.id, Name: r.name, Email: r.email ?? '', IsActive: r.is_active === 1 }));
}
