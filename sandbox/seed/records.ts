/**
 * Appends records to a SandboxData under construction. Ids come from counters in creation order, so every array
 * is already sorted by id (both emulators then skip a sort on load). Unset HubSpot properties are left out rather
 * than stored as null: that is how HubSpot itself reports a property that was never given a value.
 */
import type { HsObject, HsList, SandboxData, SfAccount, SfContact, SfLead } from '../model.js';
import { hsCompanyId, hsContactId, seedSfId, type Timestamps } from './naming.js';
import { emailOf, type Person, randomPerson, type Staff } from './people.js';
import type { Random } from './random.js';
import { LEAD_STATUSES, LIFECYCLE_ORDER, LIFECYCLE_OTHER } from './words.js';

/** The HubSpot list configured as the inclusion list in the expected settings (R3.1c / R3.2c). */
export const SEED_INCLUSION_LIST_ID = '501';
export const SEED_NEWSLETTER_LIST_ID = '502';
/** Mail domains of private SF contacts (people with no company in the CRM). */
const PERSONAL_MAIL = ['gmail.example', 'outlook.example', 'proton.example'] as const;

export type HsProps = Record<string, string>;

export class SeedRecords {
  readonly data: SandboxData;
  private readonly inclusion: HsList = { listId: SEED_INCLUSION_LIST_ID, name: 'Sync to Salesforce', contactIds: [] };
  private readonly newsletter: HsList = { listId: SEED_NEWSLETTER_LIST_ID, name: 'Newsletter', contactIds: [] };
  private hsContacts = 0;

  constructor(
    private readonly rng: Random,
    private readonly staff: Staff,
    private readonly times: Timestamps,
  ) {
    this.data = {
      salesforce: { accounts: [], contacts: [], leads: [], users: staff.users },
      hubspot: {
        companies: [],
        contacts: [],
        associations: [],
        lists: [this.inclusion, this.newsletter],
        owners: staff.owners,
      },
    };
  }

  owner(): string {
    return this.rng.pick(this.staff.ownerIds);
  }

  /** The HS owner id that matches an SF owner, used on about half the records that have one. */
  hsOwnerOf(sfOwnerId: string): string | undefined {
    return this.rng.chance(0.5) ? this.staff.hsOwnerFor.get(sfOwnerId) : undefined;
  }

  account(
    account: Omit<
      SfAccount,
      'Id' | 'CreatedDate' | 'LastModifiedDate' | 'SystemModstamp' | 'IsDeleted' | 'MasterRecordId'
    >,
  ): SfAccount {
    const { created, modified } = this.times.pair(this.rng);
    const row: SfAccount = {
      Id: seedSfId('001', this.data.salesforce.accounts.length + 1),
      ...account,
      MasterRecordId: null,
      IsDeleted: false,
      CreatedDate: created,
      LastModifiedDate: modified,
      SystemModstamp: modified,
    };
    this.data.salesforce.accounts.push(row);
    return row;
  }

  /** An SF contact; `accountId` null makes it private (R3.2b). */
  sfContact(
    accountId: string | null,
    domain: string | null,
    suffix: string,
    person = randomPerson(this.rng),
  ): SfContact {
    const { created, modified } = this.times.pair(this.rng);
    const n = this.data.salesforce.contacts.length + 1;
    const row: SfContact = {
      Id: seedSfId('003', n),
      FirstName: person.first,
      LastName: person.last,
      Email: emailOf(person, domain ?? this.rng.pick(PERSONAL_MAIL), domain ? suffix : String(n)),
      AccountId: accountId,
      OwnerId: this.owner(),
      IsDeleted: false,
      CreatedDate: created,
      LastModifiedDate: modified,
      SystemModstamp: modified,
    };
    this.data.salesforce.contacts.push(row);
    return row;
  }

  lead(company: string, domain: string, person = randomPerson(this.rng)): SfLead {
    const { created, modified } = this.times.pair(this.rng);
    const row: SfLead = {
      Id: seedSfId('00Q', this.data.salesforce.leads.length + 1),
      FirstName: person.first,
      LastName: person.last,
      Email: emailOf(person, domain, String(this.data.salesforce.leads.length + 1)),
      Company: company,
      Status: this.rng.pick(LEAD_STATUSES),
      IsConverted: false,
      OwnerId: this.owner(),
      IsDeleted: false,
      CreatedDate: created,
      LastModifiedDate: modified,
      SystemModstamp: modified,
    };
    this.data.salesforce.leads.push(row);
    return row;
  }

  /** An HS contact; `sync` carries salesforcecontactid / salesforceleadid when it mirrors an SF person. */
  hsContact(person: { FirstName: string | null; LastName: string; Email: string | null }, sync: HsProps = {}): string {
    const id = hsContactId(this.hsContacts++);
    const props: HsProps = { firstname: person.FirstName ?? '', lastname: person.LastName, ...sync };
    if (person.Email) props.email = person.Email;
    const stage = this.lifecycleStage();
    if (stage) props.lifecyclestage = stage;
    this.data.hubspot.contacts.push(this.hsObject(id, props));
    if (this.rng.chance(0.1)) this.newsletter.contactIds.push(id);
    return id;
  }

  /** Contacts: mostly early stages, a few `other` (ignored by R4.1), some unset. */
  lifecycleStage(): string | undefined {
    const r = this.rng.next();
    if (r < 0.1) return undefined;
    if (r < 0.13) return LIFECYCLE_OTHER;
    return LIFECYCLE_ORDER[this.rng.weighted([20, 30, 15, 10, 10, 12, 3])];
  }

  company(k: number, props: HsProps): void {
    this.data.hubspot.companies.push(this.hsObject(hsCompanyId(k), props));
  }

  associate(companyK: number, contactId: string): void {
    this.data.hubspot.associations.push({ companyId: hsCompanyId(companyK), contactId });
  }

  addToInclusionList(contactId: string): void {
    this.inclusion.contactIds.push(contactId);
  }

  hsOnlyPerson(domain: string): { FirstName: string; LastName: string; Email: string } {
    const p: Person = randomPerson(this.rng);
    // The dotted counter cannot collide with the plain `name2@` suffixes of SF contacts at the same domain.
    return { FirstName: p.first, LastName: p.last, Email: emailOf(p, domain, `.${this.hsContacts + 1}`) };
  }

  private hsObject(id: string, properties: HsProps): HsObject {
    const { created, modified } = this.times.pair(this.rng);
    return { id, properties, createdAt: created, updatedAt: modified, archived: false };
  }
}
