/**
 * The org's records in memory, sized for 1,000,000 accounts and 2,000,000 contacts: one Map per object (insertion
 * order = creation order), an index for the unique external id, and a log of deletions for getDeleted.
 * Rows are replaced, never mutated, on write, so a query cursor holding row references is a stable snapshot
 * without copying the table. Writes inside `transaction` can be rolled back (allOrNone collections).
 */
import type { Iso, SalesforceData, SfAccount, SfContact, SfLead, SfUser } from '../model.js';
import { KEY_PREFIX } from './ids.js';
import { defaults, Table } from './table.js';
import type { ModstampOrder } from './modstamp-order.js';

export type Row = Readonly<Record<string, unknown>> & { readonly Id: string };
export type SObjectName = 'Account' | 'Contact' | 'Lead' | 'User' | 'Organization';
export interface DeletedEntry {
  id: string;
  deletedDate: Iso;
}

const EXTERNAL_ID = 'HubSpot_Company_Id__c';

/** The model interfaces have no index signature; rows are read generically by field name. */
const asRow = (record: { Id: string }): Row => record as unknown as Row;

/** Model timestamps are stored canonical (`toISOString`), so string order is time order in SOQL and getUpdated. */
const isCanonical = (iso: Iso): boolean => iso.length === 24 && iso.endsWith('Z');
const canonical = (iso: Iso): Iso => (isCanonical(iso) ? iso : new Date(iso).toISOString());

export class SalesforceStore {
  private readonly tables = new Map<SObjectName, Table>([
    ['Account', new Table(KEY_PREFIX.Account)],
    ['Contact', new Table(KEY_PREFIX.Contact, ['AccountId'])],
    ['Lead', new Table(KEY_PREFIX.Lead)],
    ['User', new Table(KEY_PREFIX.User)],
    ['Organization', new Table(KEY_PREFIX.Organization)],
  ]);
  /** The org's own row survives `load`: the data changes, the org stays. */
  private organization: Row | undefined;
  private readonly accountByExternalId = new Map<string, string>();
  private lastStamp = 0;
  private journal: (() => void)[] | undefined;

  constructor(private readonly now: () => Date = () => new Date()) {}

  /**
   * The time for the next write: never earlier than the previous write, so SystemModstamp-based incremental sync
   * cannot miss a change when the clock steps back.
   */
  stamp(): Iso {
    this.lastStamp = Math.max(this.now().getTime(), this.lastStamp);
    return new Date(this.lastStamp).toISOString();
  }

  load(data: SalesforceData): void {
    for (const table of this.tables.values()) table.clear();
    this.accountByExternalId.clear();
    if (this.organization) this.put('Organization', this.organization);
    // Seeded users carry no stamps of their own; they were provisioned before anything else happened.
    const provisioned = { SystemModstamp: '2020-01-01T00:00:00.000Z' };
    for (const user of data.users) this.put('User', asRow({ ...provisioned, ...user }));
    // Rows are never mutated (writes replace them), so the caller's objects are stored as they are unless their
    // timestamps need normalising: a 1,000,000-account load then costs no copies.
    const stamped = <T extends { Id: string; CreatedDate: Iso; LastModifiedDate: Iso; SystemModstamp: Iso }>(
      row: T,
    ): Row =>
      asRow(
        isCanonical(row.CreatedDate) && isCanonical(row.LastModifiedDate) && isCanonical(row.SystemModstamp)
          ? row
          : {
              ...row,
              CreatedDate: canonical(row.CreatedDate),
              LastModifiedDate: canonical(row.LastModifiedDate),
              SystemModstamp: canonical(row.SystemModstamp),
            },
      );
    for (const account of data.accounts) this.put('Account', stamped(account));
    for (const contact of data.contacts) this.put('Contact', stamped(contact));
    for (const lead of data.leads) this.put('Lead', stamped(lead));
  }

  setOrganization(row: Row): void {
    if (this.organization) this.remove('Organization', this.organization.Id);
    this.organization = row;
    this.put('Organization', row);
  }

  export(): SalesforceData {
    const rows = <T>(type: SObjectName) => [...this.table(type).rows.values()] as unknown as T[];
    return {
      accounts: rows<SfAccount>('Account'),
      contacts: rows<SfContact>('Contact'),
      leads: rows<SfLead>('Lead'),
      users: rows<SfUser>('User'),
    };
  }

  /** Live (not deleted) record counts. */
  count(type: SObjectName): number {
    return this.table(type).live;
  }
  get accountCount(): number {
    return this.count('Account');
  }

  /** Includes soft-deleted rows (IsDeleted = true); callers decide whether those count. */
  get(type: SObjectName, id: string): Row | undefined {
    return this.table(type).rows.get(id);
  }
  getAccount(id: string): SfAccount | undefined {
    return this.get('Account', id) as unknown as SfAccount | undefined;
  }
  getContact(id: string): SfContact | undefined {
    return this.get('Contact', id) as unknown as SfContact | undefined;
  }
  getLead(id: string): SfLead | undefined {
    return this.get('Lead', id) as unknown as SfLead | undefined;
  }
  getUser(id: string): SfUser | undefined {
    return this.get('User', id) as unknown as SfUser | undefined;
  }
  users(): SfUser[] {
    return [...this.table('User').rows.values()] as unknown as SfUser[];
  }

  rows(type: SObjectName): IterableIterator<Row> {
    return this.table(type).rows.values();
  }

  deletions(type: SObjectName): readonly DeletedEntry[] {
    return this.table(type).deletions;
  }

  /**
   * Rows (soft-deleted included) whose indexed reference field holds `key`, the lower-cased 18-character id;
   * undefined when that field has no index (Contact.AccountId has one).
   */
  rowsWhere(type: SObjectName, field: string, key: string): readonly Row[] | undefined {
    const table = this.table(type);
    return table.byField.get(field)?.lookup(key, () => table.rows.values());
  }

  /** The object's rows in SystemModstamp order, for incremental reads (see modstamp-order.ts). */
  modstampOrder(type: SObjectName): ModstampOrder {
    return this.table(type).modstampOrder();
  }

  /** Live account ids holding this HubSpot company id (0 or 1: the field is unique). */
  accountIdByExternalId(value: string): string | undefined {
    return this.accountByExternalId.get(value);
  }

  /** Inserts a validated record: fills system fields and defaults. */
  insert(type: SObjectName, fields: Record<string, unknown>, actorId: string): Row {
    const stamp = this.stamp();
    const row: Record<string, unknown> = {
      ...defaults(type, actorId),
      ...fields,
      Id: this.table(type).ids.next(),
      CreatedDate: stamp,
      LastModifiedDate: stamp,
      SystemModstamp: stamp,
    };
    if (type === 'Account') Object.assign(row, { CreatedById: actorId, LastModifiedById: actorId });
    const id = row.Id as string;
    this.put(type, row as Row);
    this.record(() => this.remove(type, id));
    return row as Row;
  }

  update(type: SObjectName, id: string, changes: Record<string, unknown>, actorId: string): Row {
    const before = this.mustGet(type, id);
    const stamp = this.stamp();
    const audit = type === 'Account' ? { LastModifiedById: actorId } : {};
    const row = { ...before, ...changes, ...audit, LastModifiedDate: stamp, SystemModstamp: stamp } as Row;
    this.replace(type, before, row);
    this.record(() => this.replace(type, row, before));
    return row;
  }

  /** Soft delete: the row stays for queryAll with IsDeleted = true and is logged for getDeleted. */
  delete(type: SObjectName, id: string, masterRecordId: string | null = null): Row {
    const before = this.mustGet(type, id);
    const stamp = this.stamp();
    const extra = type === 'Account' ? { MasterRecordId: masterRecordId } : {};
    const row = { ...before, ...extra, IsDeleted: true, SystemModstamp: stamp } as Row;
    const deletions = this.table(type).deletions;
    this.replace(type, before, row);
    deletions.push({ id, deletedDate: stamp });
    this.record(() => {
      deletions.pop();
      this.replace(type, row, before);
    });
    return row;
  }

  /** Merges `mergedId` into `masterId` as the UI's merge does: contacts move to the master, the loser is deleted
   * with MasterRecordId pointing at the winner (visible through queryAll and getDeleted). */
  mergeAccounts(masterId: string, mergedId: string): void {
    const master = this.mustGet('Account', masterId);
    const merged = this.mustGet('Account', mergedId);
    if (master.IsDeleted || merged.IsDeleted) throw new Error('Cannot merge a deleted account');
    const actor = master.OwnerId as string;
    // A copy: each update replaces the row in the index being read.
    for (const contact of [...(this.rowsWhere('Contact', 'AccountId', mergedId.toLowerCase()) ?? [])]) {
      if (contact.AccountId === mergedId && !contact.IsDeleted) {
        this.update('Contact', contact.Id, { AccountId: masterId }, actor);
      }
    }
    this.delete('Account', mergedId, masterId);
    this.update('Account', masterId, {}, actor);
  }

  /** Runs `work`; when it returns false every write it made is undone (in reverse order). */
  transaction(work: () => boolean): boolean {
    const outer = this.journal;
    const journal: (() => void)[] = [];
    this.journal = journal;
    let keep = false;
    try {
      keep = work();
    } finally {
      this.journal = outer;
      if (!keep) for (const undo of journal.reverse()) undo();
      else outer?.push(...journal);
    }
    return keep;
  }

  private record(undo: () => void): void {
    this.journal?.push(undo);
  }

  private table(type: SObjectName): Table {
    return this.tables.get(type) as Table;
  }

  private mustGet(type: SObjectName, id: string): Row {
    const row = this.get(type, id);
    if (!row) throw new Error(`No ${type} with id ${id}`);
    return row;
  }

  private put(type: SObjectName, row: Row): void {
    const table = this.table(type);
    table.rows.set(row.Id, row);
    if (!row.IsDeleted) table.live++;
    table.track(row);
    this.index(type, row, true);
  }

  private remove(type: SObjectName, id: string): void {
    const table = this.table(type);
    const row = table.rows.get(id);
    if (!row) return;
    table.rows.delete(id);
    if (!row.IsDeleted) table.live--;
    table.untrack(row);
    this.index(type, row, false);
  }

  private replace(type: SObjectName, before: Row, after: Row): void {
    const table = this.table(type);
    this.index(type, before, false);
    table.untrack(before);
    table.rows.set(after.Id, after);
    table.live += Number(!after.IsDeleted) - Number(!before.IsDeleted);
    table.track(after);
    this.index(type, after, true);
  }

  private index(type: SObjectName, row: Row, add: boolean): void {
    const value = row[EXTERNAL_ID];
    if (type !== 'Account' || typeof value !== 'string' || value === '' || row.IsDeleted) return;
    if (add) this.accountByExternalId.set(value, row.Id);
    else if (this.accountByExternalId.get(value) === row.Id) this.accountByExternalId.delete(value);
  }
}
