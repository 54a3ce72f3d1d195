/**
 * One sObject's rows in the org store, with the derived structures that keep the engine's queries off full
 * scans: reference-field indexes (field-index.ts) and the SystemModstamp order (modstamp-order.ts). Both are built
 * on first use and then follow every put, replace and remove.
 */
import { FieldIndex } from './field-index.js';
import { IdGenerator } from './ids.js';
import { ModstampOrder } from './modstamp-order.js';
import type { DeletedEntry, Row, SObjectName } from './store.js';

export class Table {
  readonly rows = new Map<string, Row>();
  readonly deletions: DeletedEntry[] = [];
  live = 0;
  readonly ids: IdGenerator;
  readonly byField = new Map<string, FieldIndex>();
  private order: ModstampOrder | undefined;

  constructor(prefix: string, indexedFields: string[] = []) {
    this.ids = new IdGenerator(prefix, (id) => this.rows.has(id));
    for (const field of indexedFields) this.byField.set(field, new FieldIndex(field));
  }

  clear(): void {
    this.rows.clear();
    this.deletions.length = 0;
    this.live = 0;
    for (const index of this.byField.values()) index.reset();
    this.order = undefined;
  }

  modstampOrder(): ModstampOrder {
    this.order ??= new ModstampOrder(this.rows.values(), (row) => this.rows.get(row.Id) === row);
    return this.order;
  }

  /** A row object entered the table (insert, load, or the new version of a replaced row). */
  track(row: Row): void {
    for (const index of this.byField.values()) index.add(row);
    this.order?.add(row);
  }

  /** A row object left the table (removed, or replaced by a new version). */
  untrack(row: Row): void {
    for (const index of this.byField.values()) index.remove(row);
    this.order?.retire();
  }
}

export function defaults(type: SObjectName, actorId: string): Record<string, unknown> {
  const person = { FirstName: null, Email: null, OwnerId: actorId, IsDeleted: false };
  switch (type) {
    case 'Account':
      return {
        Website: null,
        Phone: null,
        BillingCity: null,
        BillingState: null,
        BillingCountry: null,
        Industry: null,
        NumberOfEmployees: null,
        AnnualRevenue: null,
        Description: null,
        OwnerId: actorId,
        HubSpot_Company_Id__c: null,
        MasterRecordId: null,
        IsDeleted: false,
      };
    case 'Contact':
      return { ...person, AccountId: null };
    case 'Lead':
      return { ...person, Status: 'Open - Not Contacted', IsConverted: false };
    case 'User':
      return { IsActive: true };
    case 'Organization':
      return {};
  }
}
