/**
 * Company ↔ contact associations, both directions, plus which company is a contact's primary one.
 * A side holding one partner stores the id string itself and only grows a Set for several partners: with
 * 2,000,000 contacts mostly linked to one company, a Set each would cost hundreds of megabytes.
 */
import type { HsAssociation } from '../model.js';
import { CompanyParents } from './company-parents.js';

type Partners = string | Set<string>;

class Side {
  private readonly map = new Map<string, Partners>();

  add(from: string, to: string): boolean {
    const cur = this.map.get(from);
    if (cur === undefined) this.map.set(from, to);
    else if (typeof cur === 'string') {
      if (cur === to) return false;
      this.map.set(from, new Set([cur, to]));
    } else {
      if (cur.has(to)) return false;
      cur.add(to);
    }
    return true;
  }

  remove(from: string, to: string): boolean {
    const cur = this.map.get(from);
    if (cur === undefined) return false;
    if (typeof cur === 'string') {
      if (cur !== to) return false;
      this.map.delete(from);
      return true;
    }
    const removed = cur.delete(to);
    if (cur.size === 0) this.map.delete(from);
    return removed;
  }

  has(from: string, to: string): boolean {
    const cur = this.map.get(from);
    return cur === undefined ? false : typeof cur === 'string' ? cur === to : cur.has(to);
  }

  /** Partner ids in numeric order, so paging by `after` is stable. */
  partners(from: string): string[] {
    const cur = this.map.get(from);
    if (cur === undefined) return [];
    if (typeof cur === 'string') return [cur];
    return [...cur].sort((a, b) => (a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0));
  }

  entries(): IterableIterator<[string, Partners]> {
    return this.map.entries();
  }

  dropAll(from: string): string[] {
    const partners = this.partners(from);
    this.map.delete(from);
    return partners;
  }

  clear(): void {
    this.map.clear();
  }
}

export class AssociationStore {
  private readonly companyToContacts = new Side();
  private readonly contactToCompanies = new Side();
  /** contact id → its primary company id (type ids 1 / 2). */
  private readonly primary = new Map<string, string>();
  /** Company → parent company (the hierarchy; not counted in `count`, which is company ↔ contact pairs). */
  readonly parents = new CompanyParents();
  count = 0;

  load(pairs: HsAssociation[]): void {
    this.companyToContacts.clear();
    this.contactToCompanies.clear();
    this.primary.clear();
    this.count = 0;
    // Seeded pairs carry no label, so they load as unlabeled (279/280), as HubSpot's v3 default association does.
    for (const p of pairs) this.add(p.companyId, p.contactId, false);
  }

  add(companyId: string, contactId: string, primary: boolean): void {
    if (this.companyToContacts.add(companyId, contactId)) {
      this.contactToCompanies.add(contactId, companyId);
      this.count++;
    }
    // A contact has one primary company; a new primary replaces the old one (HubSpot behaviour for type 1).
    if (primary) this.primary.set(contactId, companyId);
  }

  remove(companyId: string, contactId: string): boolean {
    if (!this.companyToContacts.remove(companyId, contactId)) return false;
    this.contactToCompanies.remove(contactId, companyId);
    if (this.primary.get(contactId) === companyId) this.primary.delete(contactId);
    this.count--;
    return true;
  }

  has(companyId: string, contactId: string): boolean {
    return this.companyToContacts.has(companyId, contactId);
  }

  isPrimary(companyId: string, contactId: string): boolean {
    return this.primary.get(contactId) === companyId;
  }

  contactsOf(companyId: string): string[] {
    return this.companyToContacts.partners(companyId);
  }

  companiesOf(contactId: string): string[] {
    return this.contactToCompanies.partners(contactId);
  }

  /** Removes every association of an archived record. */
  dropCompany(companyId: string): void {
    this.parents.dropCompany(companyId);
    for (const contactId of this.companyToContacts.partners(companyId)) this.remove(companyId, contactId);
  }

  dropContact(contactId: string): void {
    for (const companyId of this.contactToCompanies.partners(contactId)) this.remove(companyId, contactId);
  }

  export(): HsAssociation[] {
    const out: HsAssociation[] = [];
    for (const [companyId, partners] of this.companyToContacts.entries()) {
      if (typeof partners === 'string') out.push({ companyId, contactId: partners });
      else for (const contactId of partners) out.push({ companyId, contactId });
    }
    return out;
  }
}
