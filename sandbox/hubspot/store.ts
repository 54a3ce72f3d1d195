/**
 * Everything the HubSpot emulator holds: companies, contacts, their property definitions and history,
 * associations, lists and owners. `load` takes ownership of the given records (no copies: 3 million of them
 * must fit in memory); `export` hands back plain HubSpotData.
 */
import { emptyHubSpotData, type HsObject, type HsOwner, type HubSpotData } from '../model.js';
import { AssociationStore } from './association-store.js';
import { ObjectTable } from './object-table.js';
import { type ObjectType, OBJECT_TYPES, PropertyRegistry } from './properties.js';

export interface StoredList {
  listId: string;
  name: string;
  /** Record ids in ascending order, for cursor paging. */
  members: string[];
  addedAt: string;
}

/** Separate id ranges so a contact id used as a company id fails instead of hitting another record. */
const ID_BASE: Record<ObjectType, number> = { companies: 10_000_000_001, contacts: 20_000_000_001 };

export class HubSpotStore {
  readonly properties: Record<ObjectType, PropertyRegistry>;
  readonly tables: Record<ObjectType, ObjectTable>;
  readonly associations = new AssociationStore();
  private readonly lists = new Map<string, StoredList>();
  private ownerList: HsOwner[] = [];

  constructor(
    data: HubSpotData = emptyHubSpotData(),
    private readonly now: () => Date = () => new Date(),
  ) {
    this.properties = { companies: new PropertyRegistry('companies'), contacts: new PropertyRegistry('contacts') };
    const indexed = (type: ObjectType): string[] => [
      ...this.properties[type].uniqueNames(),
      // Contacts are deduplicated by email in HubSpot (409 "Contact already exists"), and email is an idProperty.
      ...(type === 'contacts' ? ['email'] : []),
    ];
    this.tables = {
      companies: new ObjectTable('companies', indexed('companies'), ID_BASE.companies),
      contacts: new ObjectTable('contacts', indexed('contacts'), ID_BASE.contacts),
    };
    this.load(data);
  }

  load(data: HubSpotData): void {
    this.tables.companies.load(data.companies);
    this.tables.contacts.load(data.contacts);
    this.associations.load(data.associations);
    this.associations.parents.load(data.companyParents ?? []);
    const addedAt = this.now().toISOString();
    this.lists.clear();
    for (const l of data.lists) {
      const members = [...new Set(l.contactIds)].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
      this.lists.set(l.listId, { listId: l.listId, name: l.name, members, addedAt });
    }
    this.ownerList = [...data.owners].sort((a, b) => Number(a.id) - Number(b.id));
  }

  export(): HubSpotData {
    const objects = (type: ObjectType): HsObject[] => [
      ...this.tables[type].liveObjects(),
      ...[...this.tables[type].archivedObjects()].map(({ archivedAt: _archivedAt, ...o }) => o),
    ];
    const parents = this.associations.parents.export();
    return {
      companies: objects('companies'),
      contacts: objects('contacts'),
      associations: this.associations.export(),
      ...(parents.length > 0 ? { companyParents: parents } : {}),
      lists: [...this.lists.values()].map((l) => ({ listId: l.listId, name: l.name, contactIds: [...l.members] })),
      owners: [...this.ownerList],
    };
  }

  get companyCount(): number {
    return this.tables.companies.size;
  }

  get contactCount(): number {
    return this.tables.contacts.size;
  }

  getCompany(id: string): HsObject | undefined {
    return this.tables.companies.get(id);
  }

  getContact(id: string): HsObject | undefined {
    return this.tables.contacts.get(id);
  }

  /** Uses the unique index when there is one; otherwise scans (a test helper, not an API path). */
  findByProperty(type: ObjectType, name: string, value: string): HsObject[] {
    const table = this.tables[type];
    if (table.isIndexed(name) || name === 'hs_object_id') {
      const id = table.findIdBy(name, value);
      const found = id === undefined ? undefined : table.get(id);
      return found ? [found] : [];
    }
    const out: HsObject[] = [];
    for (const o of table.scan()) if (o.properties[name] === value) out.push(o);
    return out;
  }

  findCompanyByProperty(name: string, value: string): HsObject | undefined {
    return this.findByProperty('companies', name, value)[0];
  }

  findContactByProperty(name: string, value: string): HsObject | undefined {
    return this.findByProperty('contacts', name, value)[0];
  }

  contactIdsOfCompany(companyId: string): string[] {
    return this.associations.contactsOf(companyId);
  }

  companyIdsOfContact(contactId: string): string[] {
    return this.associations.companiesOf(contactId);
  }

  getList(listId: string): StoredList | undefined {
    return this.lists.get(listId);
  }

  /** Test/demo helper: puts a contact on a list (lists are otherwise read-only in the emulator). */
  addToList(listId: string, contactId: string): void {
    const list = this.lists.get(listId);
    if (!list || list.members.includes(contactId)) return;
    list.members.push(contactId);
    list.members.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  }

  owners(): readonly HsOwner[] {
    return this.ownerList;
  }

  static readonly objectTypes = OBJECT_TYPES;
}
