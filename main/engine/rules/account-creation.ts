/**
 * R3.1–R3.4 Whether a HubSpot company gets a Salesforce account automatically, with the reason and the contacts
 * behind it. Order: already linked, then the vetoes (R3.1 a, b, c — any one wins over every criterion), then the
 * criteria (R3.2 a, b, c — the first that holds is the reason), else no criterion met (R3.3).
 *
 * Decision on SYNC_OFF (R1.1, R3.4): the preview must be useful before anyone turns company sync on, so
 * - `mode: 'automatic'` (the incremental sync acting on a change) answers SYNC_OFF first, before anything else:
 *   with the switch off nothing is created, whatever the company looks like;
 * - `mode: 'preview'` never answers SYNC_OFF; it reports what the rules would decide, and `syncEnabled: false`
 *   tells the reader that nothing will actually happen until the switch is on.
 * The manual "Resync" (R5.1) bypasses these rules entirely and does not call this function.
 */

export type AccountCreationReason =
  | 'CREATE_AUTO_ASSOCIATED'
  | 'CREATE_PRIVATE_CONTACT'
  | 'CREATE_INCLUSION_LIST'
  | 'VETO_NO_CONTACTS'
  | 'VETO_ALL_LEADS'
  | 'VETO_NOT_IN_INCLUSION_LIST'
  | 'NO_CRITERION_MET'
  | 'ALREADY_LINKED'
  | 'SYNC_OFF';

export interface CreationCompany {
  id: string;
  linkedAccountId: string | null;
  /** Created by HubSpot's "Automatically create and associate companies with contacts" setting. */
  createdByAutoAssociate: boolean;
}

export interface CreationContact {
  id: string;
  sfContactId: string | null;
  sfLeadId: string | null;
  /** AccountId of the synced SF contact; null with `sfContactId` set means a private contact (R3.2b). */
  sfContactAccountId: string | null;
  inInclusionList: boolean;
}

export interface CreationSettings {
  syncCompanies: boolean;
  defaultSfObjectForNewContacts: 'Lead' | 'Contact';
  inclusionListId: string | null;
}

export interface AccountCreationInput {
  company: CreationCompany;
  /** The HS contacts associated with the company. */
  contacts: readonly CreationContact[];
  settings: CreationSettings;
  mode: 'preview' | 'automatic';
}

export interface AccountCreationDecision {
  decision: 'create' | 'skip';
  reason: AccountCreationReason;
  /** The contacts behind the reason (empty when the reason is not about contacts). */
  contactIds: string[];
  /** Whether company sync is on: in preview, a 'create' happens only once it is. */
  syncEnabled: boolean;
}

/** R3.1b a contact that syncs with a SF lead and not with a SF contact. */
const syncsWithLead = (contact: CreationContact): boolean => contact.sfLeadId !== null && contact.sfContactId === null;

/** R3.2b a contact that syncs with a SF contact that has no account. */
const syncsWithPrivateContact = (contact: CreationContact): boolean =>
  contact.sfContactId !== null && contact.sfContactAccountId === null;

export function decideAccountCreation(input: AccountCreationInput): AccountCreationDecision {
  const { company, contacts, settings, mode } = input;
  const syncEnabled = settings.syncCompanies;
  const skip = (reason: AccountCreationReason, behind: readonly CreationContact[] = []): AccountCreationDecision => ({
    decision: 'skip',
    reason,
    contactIds: idsOf(behind),
    syncEnabled,
  });
  const create = (reason: AccountCreationReason, behind: readonly CreationContact[]): AccountCreationDecision => ({
    decision: 'create',
    reason,
    contactIds: idsOf(behind),
    syncEnabled,
  });

  if (mode === 'automatic' && !syncEnabled) return skip('SYNC_OFF');
  if (company.linkedAccountId !== null) return skip('ALREADY_LINKED');

  // R3.1 vetoes.
  if (contacts.length === 0) return skip('VETO_NO_CONTACTS');
  if (contacts.every(syncsWithLead)) return skip('VETO_ALL_LEADS', contacts);
  // The membership flag only counts when an inclusion list is configured (R3.1c, R3.2c).
  const inList = settings.inclusionListId !== null ? contacts.filter((contact) => contact.inInclusionList) : [];
  if (settings.inclusionListId !== null && inList.length === 0) return skip('VETO_NOT_IN_INCLUSION_LIST', contacts);

  // R3.2 criteria, first that holds.
  if (company.createdByAutoAssociate && settings.defaultSfObjectForNewContacts === 'Contact') {
    return create('CREATE_AUTO_ASSOCIATED', contacts);
  }
  const privateContacts = contacts.filter(syncsWithPrivateContact);
  if (privateContacts.length > 0) return create('CREATE_PRIVATE_CONTACT', privateContacts);
  if (inList.length > 0) return create('CREATE_INCLUSION_LIST', inList);

  return skip('NO_CRITERION_MET'); // R3.3
}

function idsOf(contacts: readonly CreationContact[]): string[] {
  return [...new Set(contacts.map((contact) => contact.id))];
}
