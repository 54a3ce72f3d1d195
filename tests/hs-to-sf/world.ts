/**
 * Edits of the remote data as people (or HubSpot itself) would make them, for the HubSpot → Salesforce tests: new
 * companies and contacts, associations, list memberships, private Salesforce contacts.
 */
import { createObject, updateObject } from '../../sandbox/hubspot/writes.js';
import type { Sandbox } from '../../sandbox/index.js';
import { AUTO_ASSOCIATED_COMPANY_SOURCE, SEED_INCLUSION_LIST_ID } from '../../sandbox/seed/index.js';

const person = { sourceType: 'CRM_UI', sourceId: 'person@example.com' };
let skew = 0;
/** Later than anything written so far, as the engine's cursors expect of a person's edit. */
const later = () => {
  skew += 1000;
  return new Date(Date.now() + skew);
};

export function newCompany(sandbox: Sandbox, name: string, options: { autoCreated?: boolean } = {}): string {
  const outcome = createObject(sandbox.hubspot.store, 'companies', { name }, later(), person);
  if (!outcome.ok) throw new Error(outcome.failure.message);
  // HubSpot sets the record source itself; the auto-create setting is what R3.2a looks for.
  if (options.autoCreated) outcome.object.properties.hs_object_source = AUTO_ASSOCIATED_COMPANY_SOURCE;
  return outcome.object.id;
}

export function editHsCompany(sandbox: Sandbox, id: string, properties: Record<string, string | null>): void {
  const company = sandbox.hubspot.store.getCompany(id);
  if (!company) throw new Error(`no company ${id}`);
  const outcome = updateObject(sandbox.hubspot.store, 'companies', company, properties, later(), person);
  if (!outcome.ok) throw new Error(outcome.failure.message);
}

export function newContact(sandbox: Sandbox, properties: Record<string, string>, inList = false): string {
  const email = `p${Date.now()}${skew}@example.com`;
  const outcome = createObject(sandbox.hubspot.store, 'contacts', { email, ...properties }, later(), person);
  if (!outcome.ok) throw new Error(outcome.failure.message);
  if (inList) sandbox.hubspot.store.addToList(SEED_INCLUSION_LIST_ID, outcome.object.id);
  return outcome.object.id;
}

export function editContact(sandbox: Sandbox, id: string, properties: Record<string, string | null>): void {
  const contact = sandbox.hubspot.store.tables.contacts.get(id);
  if (!contact) throw new Error(`no contact ${id}`);
  const outcome = updateObject(sandbox.hubspot.store, 'contacts', contact, properties, later(), person);
  if (!outcome.ok) throw new Error(outcome.failure.message);
}

/**
 * Associates a contact with a company. Associations do not change a company in the emulator; in HubSpot the
 * company's association count changes, which is how the incremental read sees it — touched here the same way.
 */
export function associate(sandbox: Sandbox, companyId: string, contactId: string): void {
  sandbox.hubspot.store.associations.add(companyId, contactId, false);
  editHsCompany(sandbox, companyId, { description: `contacts-changed-${skew}` });
}

/** An SF contact without an account (R3.2b), and the HS contact that syncs with it. */
export function privateContact(sandbox: Sandbox, inList = false): string {
  const sf = sandbox.salesforce.store.insert(
    'Contact',
    { LastName: `Private ${skew}`, AccountId: null },
    sandbox.salesforce.integrationUserId,
  );
  return newContact(sandbox, { salesforcecontactid: sf.Id as string }, inList);
}

/** Live SF accounts carrying this HubSpot company id in the external-id field. */
export const accountsForCompany = (sandbox: Sandbox, companyId: string) =>
  [...sandbox.salesforce.store.rows('Account')].filter((a) => a.HubSpot_Company_Id__c === companyId && !a.IsDeleted);
