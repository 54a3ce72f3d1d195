import { describe, expect, test } from 'vitest';
import {
  type AccountCreationInput,
  type CreationContact,
  type CreationSettings,
  decideAccountCreation,
} from '../../../main/engine/rules/account-creation.js';

// Contacts by how they sync with Salesforce.
const lead = (id: string, inList = false): CreationContact => ({
  id,
  sfContactId: null,
  sfLeadId: `00Q${id}`,
  sfContactAccountId: null,
  inInclusionList: inList,
});
const privateContact = (id: string, inList = false): CreationContact => ({
  id,
  sfContactId: `003${id}`,
  sfLeadId: null,
  sfContactAccountId: null,
  inInclusionList: inList,
});
const accountContact = (id: string, inList = false): CreationContact => ({
  id,
  sfContactId: `003${id}`,
  sfLeadId: null,
  sfContactAccountId: '001000000000001',
  inInclusionList: inList,
});
const unsynced = (id: string, inList = false): CreationContact => ({
  id,
  sfContactId: null,
  sfLeadId: null,
  sfContactAccountId: null,
  inInclusionList: inList,
});
// A contact converted from a lead keeps both ids: it syncs with the contact, so it is not a lead (R3.1b).
const convertedLead = (id: string): CreationContact => ({ ...privateContact(id), sfLeadId: `00Q${id}` });

const ON: CreationSettings = { syncCompanies: true, defaultSfObjectForNewContacts: 'Lead', inclusionListId: null };
const WITH_LIST: CreationSettings = { ...ON, inclusionListId: '42' };
const CONTACT_DEFAULT: CreationSettings = { ...ON, defaultSfObjectForNewContacts: 'Contact' };

interface Row {
  name: string;
  contacts: CreationContact[];
  settings?: CreationSettings;
  autoAssociated?: boolean;
  linkedAccountId?: string | null;
  mode?: AccountCreationInput['mode'];
  decision: 'create' | 'skip';
  reason: string;
  contactIds: string[];
}

const decide = (row: Row) =>
  decideAccountCreation({
    company: {
      id: 'c1',
      linkedAccountId: row.linkedAccountId ?? null,
      createdByAutoAssociate: row.autoAssociated ?? false,
    },
    contacts: row.contacts,
    settings: row.settings ?? ON,
    mode: row.mode ?? 'automatic',
  });

const rows: Row[] = [
  // R3.1 vetoes
  {
    name: 'R3.1a no associated contacts vetoes',
    contacts: [],
    decision: 'skip',
    reason: 'VETO_NO_CONTACTS',
    contactIds: [],
  },
  {
    name: 'R3.1a no contacts vetoes even an auto-associated company',
    contacts: [],
    autoAssociated: true,
    settings: CONTACT_DEFAULT,
    decision: 'skip',
    reason: 'VETO_NO_CONTACTS',
    contactIds: [],
  },
  {
    name: 'R3.1b all contacts sync with leads vetoes',
    contacts: [lead('a'), lead('b')],
    decision: 'skip',
    reason: 'VETO_ALL_LEADS',
    contactIds: ['a', 'b'],
  },
  {
    name: 'R3.1b all leads vetoes the auto-associate criterion',
    contacts: [lead('a')],
    autoAssociated: true,
    settings: CONTACT_DEFAULT,
    decision: 'skip',
    reason: 'VETO_ALL_LEADS',
    contactIds: ['a'],
  },
  {
    name: 'R3.1b all leads vetoes even when they are in the inclusion list',
    contacts: [lead('a', true)],
    settings: WITH_LIST,
    decision: 'skip',
    reason: 'VETO_ALL_LEADS',
    contactIds: ['a'],
  },
  {
    name: 'R3.1b one non-lead contact lifts the lead veto',
    contacts: [lead('a'), privateContact('b')],
    decision: 'create',
    reason: 'CREATE_PRIVATE_CONTACT',
    contactIds: ['b'],
  },
  {
    name: 'R3.1b a converted lead (both ids) syncs with a contact, not a lead',
    contacts: [convertedLead('a')],
    decision: 'create',
    reason: 'CREATE_PRIVATE_CONTACT',
    contactIds: ['a'],
  },
  {
    name: 'R3.1b unsynced contacts are not leads',
    contacts: [lead('a'), unsynced('b')],
    decision: 'skip',
    reason: 'NO_CRITERION_MET',
    contactIds: [],
  },
  {
    name: 'R3.1c none in the configured inclusion list vetoes',
    contacts: [privateContact('a'), accountContact('b')],
    settings: WITH_LIST,
    decision: 'skip',
    reason: 'VETO_NOT_IN_INCLUSION_LIST',
    contactIds: ['a', 'b'],
  },
  {
    name: 'R3.1c inclusion-list veto beats the private-contact criterion',
    contacts: [privateContact('a')],
    settings: WITH_LIST,
    decision: 'skip',
    reason: 'VETO_NOT_IN_INCLUSION_LIST',
    contactIds: ['a'],
  },
  {
    name: 'R3.1c inclusion-list veto beats the auto-associate criterion',
    contacts: [accountContact('a')],
    autoAssociated: true,
    settings: { ...WITH_LIST, defaultSfObjectForNewContacts: 'Contact' },
    decision: 'skip',
    reason: 'VETO_NOT_IN_INCLUSION_LIST',
    contactIds: ['a'],
  },
  {
    name: 'R3.1c no inclusion list configured: no list veto',
    contacts: [privateContact('a')],
    decision: 'create',
    reason: 'CREATE_PRIVATE_CONTACT',
    contactIds: ['a'],
  },
  // R3.2 criteria
  {
    name: 'R3.2a auto-associated company with default object Contact creates',
    contacts: [accountContact('a'), unsynced('b')],
    autoAssociated: true,
    settings: CONTACT_DEFAULT,
    decision: 'create',
    reason: 'CREATE_AUTO_ASSOCIATED',
    contactIds: ['a', 'b'],
  },
  {
    name: 'R3.2a auto-associated with default object Lead does not meet a',
    contacts: [accountContact('a')],
    autoAssociated: true,
    decision: 'skip',
    reason: 'NO_CRITERION_MET',
    contactIds: [],
  },
  {
    name: 'R3.2a default object Contact without auto-association does not meet a',
    contacts: [accountContact('a')],
    settings: CONTACT_DEFAULT,
    decision: 'skip',
    reason: 'NO_CRITERION_MET',
    contactIds: [],
  },
  {
    name: 'R3.2a comes before b',
    contacts: [privateContact('a')],
    autoAssociated: true,
    settings: CONTACT_DEFAULT,
    decision: 'create',
    reason: 'CREATE_AUTO_ASSOCIATED',
    contactIds: ['a'],
  },
  {
    name: 'R3.2b a private SF contact creates, naming only the private ones',
    contacts: [accountContact('a'), privateContact('b'), privateContact('c')],
    decision: 'create',
    reason: 'CREATE_PRIVATE_CONTACT',
    contactIds: ['b', 'c'],
  },
  {
    name: 'R3.2b comes before c',
    contacts: [privateContact('a'), accountContact('b', true)],
    settings: WITH_LIST,
    decision: 'create',
    reason: 'CREATE_PRIVATE_CONTACT',
    contactIds: ['a'],
  },
  {
    name: 'R3.2c a contact in the inclusion list creates',
    contacts: [accountContact('a'), accountContact('b', true)],
    settings: WITH_LIST,
    decision: 'create',
    reason: 'CREATE_INCLUSION_LIST',
    contactIds: ['b'],
  },
  {
    name: 'R3.2c list member among leads creates',
    contacts: [lead('a'), unsynced('b', true)],
    settings: WITH_LIST,
    decision: 'create',
    reason: 'CREATE_INCLUSION_LIST',
    contactIds: ['b'],
  },
  {
    name: 'R3.2c membership flag ignored when no list is configured',
    contacts: [accountContact('a', true)],
    decision: 'skip',
    reason: 'NO_CRITERION_MET',
    contactIds: [],
  },
  // R3.3
  {
    name: 'R3.3 contacts all on accounts: no criterion met',
    contacts: [accountContact('a'), accountContact('b')],
    decision: 'skip',
    reason: 'NO_CRITERION_MET',
    contactIds: [],
  },
  // Linked, switch
  {
    name: 'R3.4 a linked company is never created again',
    contacts: [privateContact('a')],
    linkedAccountId: '001000000000001AAA',
    decision: 'skip',
    reason: 'ALREADY_LINKED',
    contactIds: [],
  },
  {
    name: 'R3.4 a linked company is reported linked before any veto',
    contacts: [],
    linkedAccountId: '001000000000001AAA',
    decision: 'skip',
    reason: 'ALREADY_LINKED',
    contactIds: [],
  },
  {
    name: 'R1.1 automatic path with the switch off: SYNC_OFF first',
    contacts: [privateContact('a')],
    settings: { ...ON, syncCompanies: false },
    decision: 'skip',
    reason: 'SYNC_OFF',
    contactIds: [],
  },
  {
    name: 'R1.1 automatic path with the switch off: SYNC_OFF even when linked',
    contacts: [],
    linkedAccountId: '001000000000001AAA',
    settings: { ...ON, syncCompanies: false },
    decision: 'skip',
    reason: 'SYNC_OFF',
    contactIds: [],
  },
  {
    name: 'R3.4 preview with the switch off reports what would happen',
    contacts: [privateContact('a')],
    settings: { ...ON, syncCompanies: false },
    mode: 'preview',
    decision: 'create',
    reason: 'CREATE_PRIVATE_CONTACT',
    contactIds: ['a'],
  },
  {
    name: 'R3.4 preview with the switch off still reports vetoes',
    contacts: [lead('a')],
    settings: { ...ON, syncCompanies: false },
    mode: 'preview',
    decision: 'skip',
    reason: 'VETO_ALL_LEADS',
    contactIds: ['a'],
  },
  {
    name: 'R3.4 preview with the switch on matches the automatic path',
    contacts: [accountContact('a', true)],
    settings: WITH_LIST,
    mode: 'preview',
    decision: 'create',
    reason: 'CREATE_INCLUSION_LIST',
    contactIds: ['a'],
  },
];

describe('R3.1–R3.4 account creation decision', () => {
  test.each(rows)('$name', (row) => {
    const result = decide(row);
    expect(result).toEqual({
      decision: row.decision,
      reason: row.reason,
      contactIds: row.contactIds,
      syncEnabled: (row.settings ?? ON).syncCompanies,
    });
  });

  test('R3.4 contact ids behind a reason are listed once', () => {
    const twice = privateContact('a');
    const result = decide({ name: '', contacts: [twice, twice], decision: 'create', reason: '', contactIds: [] });
    expect(result.contactIds).toEqual(['a']);
  });
});
