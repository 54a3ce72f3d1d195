/** The reason codes in plain words (see explanations.ts). Kind, label, one-line text, and the fix when there is one. */
import { decisionRows } from './explanation-decisions.js';
import type { ExplanationRow } from './explanations.js';

const RESYNC = 'Resync the company on the Companies page to create the account anyway.';
const OR_RESYNC = 'or resync the company on the Companies page to create the account anyway.';
const REVIEW = 'Review it under Held for review in Sync health and choose the right company.';
const MAP_OR_EXCLUDE = 'Change the value in the source record, map it to an allowed value, or stop syncing the field.';

/** Account creation from HubSpot companies (the Companies preview and automatic creation). */
const creation: Record<string, ExplanationRow> = {
  CREATE_AUTO_ASSOCIATED: [
    'create',
    'Created by HubSpot from a contact',
    'HubSpot created this company automatically from a contact, so it gets a Salesforce account.',
  ],
  CREATE_PRIVATE_CONTACT: [
    'create',
    'Contact has no Salesforce account',
    'A contact syncs with a Salesforce contact that has no account, so the company gets one.',
  ],
  CREATE_INCLUSION_LIST: [
    'create',
    'Contact on the inclusion list',
    'At least one contact is on the inclusion list, so the company gets a Salesforce account.',
  ],
  VETO_NO_CONTACTS: [
    'veto',
    'No contacts',
    'The company has no contacts, so no Salesforce account is created.',
    `Associate a contact with the company in HubSpot, ${OR_RESYNC}`,
  ],
  VETO_ALL_LEADS: [
    'veto',
    'Every contact is a lead',
    'Every contact syncs with a Salesforce lead, not a contact, so no account is created.',
    `Convert a lead to a contact in Salesforce, ${OR_RESYNC}`,
  ],
  VETO_NOT_IN_INCLUSION_LIST: [
    'veto',
    'No contact on the inclusion list',
    'An inclusion list is set and none of the contacts is on it, so no account is created.',
    `Add a contact to the inclusion list in HubSpot, ${OR_RESYNC}`,
  ],
  NO_CRITERION_MET: [
    'skip',
    'No reason to create',
    'The company has contacts, but none of them calls for a Salesforce account.',
    RESYNC,
  ],
  ALREADY_LINKED: ['linked', 'Linked to an account', 'The company is already linked to a Salesforce account.'],
  SYNC_OFF: [
    'skip',
    'Company sync is off',
    'Nothing is written while company sync is off.',
    'Turn company sync on in Sync settings.',
  ],
  MANUAL_RESYNC: ['create', 'Resynced by a person', 'A person asked for this company to be synced to Salesforce.'],
  LINK_WRITE_BACK: [
    'update',
    'Link saved in HubSpot',
    "The new account's Salesforce ID is written to the company so the two stay linked.",
  ],
  LIFECYCLE_ROLLUP: [
    'update',
    'Lifecycle stage raised',
    "The company's lifecycle stage moves up to the furthest stage of its contacts.",
  ],
  COMPANY_NOT_FOUND: [
    'error',
    'Company not found',
    'HubSpot has no company with this ID, or the connection cannot read it.',
    'Check the company ID and that the HubSpot connection may read companies.',
  ],
  COMPANY_DELETED_IN_HS: ['skip', 'Company deleted in HubSpot', 'The HubSpot company is deleted; nothing is written.'],
};

/** Matching Salesforce accounts to HubSpot companies and deciding what to write. */
const planning: Record<string, ExplanationRow> = {
  NEW_COMPANY: ['create', 'New company', 'No HubSpot company matches this account, so a new company is created.'],
  MATCHED_BY_LINK: ['linked', 'Linked', 'The account and the company are already linked.'],
  MATCHED_BY_CONTACTS: [
    'update',
    'Matched by contacts',
    "The account's contacts belong to exactly one HubSpot company; the two are linked.",
  ],
  MATCHED_BY_DOMAIN: [
    'update',
    'Matched by domain',
    "Exactly one HubSpot company has the account's web domain; the two are linked.",
  ],
  NO_MATCH: ['create', 'No match', 'No HubSpot company matches the account.'],
  NO_MATCH_DOMAIN_OFF: [
    'create',
    'No match (domain matching off)',
    'No company matches by link or contacts, and matching by domain is turned off.',
  ],
  MAPPED_FIELDS_CHANGED: ['update', 'Fields changed', 'Mapped fields differ between the account and its company.'],
  HS_CHANGE_TO_SF: ['update', 'HubSpot change to Salesforce', 'A change made in HubSpot is written to the account.'],
  UP_TO_DATE: ['skip', 'Up to date', 'Every mapped field already agrees; nothing to write.'],
  NOT_CHANGED_SINCE_SWITCH_ON: [
    'skip',
    'Unchanged since sync was turned on',
    'The account has no company and has not changed since company sync was turned on, so none is created.',
    'Run an import to create companies for existing accounts.',
  ],
  AMBIGUOUS_MATCH: [
    'hold',
    'Several possible companies',
    'More than one HubSpot company could belong to this account; nothing is written until a person chooses.',
    REVIEW,
  ],
  DUPLICATE_LINK: [
    'hold',
    'Linked to several companies',
    "Several HubSpot companies carry this account's Salesforce ID; nothing is written until a person chooses.",
    'Merge the duplicate companies in HubSpot, or clear the Salesforce ID on all but one.',
  ],
  MERGED_ACCOUNT_DUPLICATE: [
    'hold',
    'Merged account',
    'Accounts were merged in Salesforce and more than one had a company; a person chooses which company stays.',
    'Merge the companies in HubSpot, then run again.',
  ],
  LINKED_COMPANY_ARCHIVED: [
    'skip',
    'Linked company deleted',
    'The linked HubSpot company is deleted or archived, so nothing is written to it.',
    'Restore the company in HubSpot if it was deleted by mistake.',
  ],
  MATCHED_COMPANY_MISSING: [
    'error',
    'Matched company missing',
    'The matching company was not in the data read from HubSpot; the account is tried again next run.',
    'Run again.',
  ],
  ACCOUNT_DELETED: ['skip', 'Account deleted', 'The account was deleted in Salesforce and has no company.'],
  ACCOUNT_DELETED_ARCHIVE_COMPANY: [
    'update',
    'Account deleted, company archived',
    'The account was deleted in Salesforce, so its company is archived in HubSpot.',
  ],
  ACCOUNT_DELETED_CLEAR_LINK: [
    'update',
    'Account deleted, link cleared',
    'The account was deleted in Salesforce; the company keeps its data and loses the link.',
  ],
  CONFLICT_SF_WINS: [
    'warning',
    'Changed on both sides: Salesforce kept',
    'The field changed in both systems; the Salesforce value was newer and is kept.',
  ],
  CONFLICT_HS_WINS: [
    'warning',
    'Changed on both sides: HubSpot kept',
    'The field changed in both systems; the HubSpot value was newer and is kept.',
  ],
};

/** How one mapped field is merged (shown per field in a change). */
const merge: Record<string, ExplanationRow> = {
  RULE_DONT_SYNC: ['skip', 'Field not synced', "The field's mapping says not to sync it."],
  IN_SYNC: ['skip', 'Same on both sides', 'The field already has the same value in both systems.'],
  SF_OVERWRITES_HS: ['update', 'Salesforce value used', 'The Salesforce value replaces the HubSpot value.'],
  SF_CLEARED: ['update', 'Cleared in Salesforce', 'The field was emptied in Salesforce, so it is emptied in HubSpot.'],
  HS_FILLS_BLANK_SF: ['update', 'HubSpot fills a blank', 'Salesforce has no value, so the HubSpot value fills it.'],
  SF_CHANGED: ['update', 'Changed in Salesforce', 'The field changed in Salesforce since the last sync.'],
  HS_CHANGED: ['update', 'Changed in HubSpot', 'The field changed in HubSpot since the last sync.'],
  BOTH_CHANGED_SF_NEWER: [
    'warning',
    'Both changed, Salesforce newer',
    'Both sides changed; the newer Salesforce value wins.',
  ],
  BOTH_CHANGED_HS_NEWER: [
    'warning',
    'Both changed, HubSpot newer',
    'Both sides changed; the newer HubSpot value wins.',
  ],
  FIRST_SYNC_FILL_SF: ['update', 'First sync fills Salesforce', 'Salesforce had no value; the HubSpot value fills it.'],
  FIRST_SYNC_FILL_HS: ['update', 'First sync fills HubSpot', 'HubSpot had no value; the Salesforce value fills it.'],
  FIRST_SYNC_SF_NEWER: [
    'warning',
    'First sync, Salesforce newer',
    'The values differ; the newer Salesforce value wins.',
  ],
  FIRST_SYNC_HS_NEWER: ['warning', 'First sync, HubSpot newer', 'The values differ; the newer HubSpot value wins.'],
};

/** A value the other system cannot take: the record is written without it. */
const values: Record<string, ExplanationRow> = {
  PICKLIST_VALUE_MISSING: [
    'error',
    'Not an allowed option',
    'The value is not one of the options the receiving field allows, so it was left out.',
    'Add the option to the field, map the value to an existing option, or stop syncing the field.',
  ],
  NOT_A_NUMBER: [
    'error',
    'Not a number',
    'The receiving field takes numbers only, so the value was left out.',
    MAP_OR_EXCLUDE,
  ],
  NOT_AN_INTEGER: [
    'error',
    'Not a whole number',
    'The receiving field takes whole numbers only, so the value was left out.',
    MAP_OR_EXCLUDE,
  ],
  NOT_A_BOOLEAN: ['error', 'Not true or false', 'The receiving field takes true or false only.', MAP_OR_EXCLUDE],
  INVALID_DATE: [
    'error',
    'Not a date',
    'The receiving field takes dates only, so the value was left out.',
    MAP_OR_EXCLUDE,
  ],
  INVALID_DOMAIN: [
    'error',
    'Not a web domain',
    'The value is not a web address that can be used as a domain, so it was left out.',
    'Correct the website in the source record.',
  ],
  TOO_LONG: [
    'error',
    'Too long',
    'The value is longer than the receiving field allows, so it was left out.',
    'Shorten the value in the source record, or map it to a longer field.',
  ],
  UNKNOWN_FIELD: [
    'error',
    'Field does not exist',
    'The mapped field does not exist in the receiving system.',
    'Fix or remove the mapping in Sync settings.',
  ],
};

/** Who owns a new record when the owner cannot be carried over (written anyway, owned by the integration user). */
const owners: Record<string, ExplanationRow> = {
  NO_OWNER: ['warning', 'No owner', 'The record has no owner, so the integration user owns the new record.'],
  OWNER_ARCHIVED: [
    'warning',
    'Owner deactivated',
    'The owner is deactivated, so the integration user owns the new record.',
    'Assign an active owner, then resync.',
  ],
  NO_USER_WITH_EMAIL: [
    'warning',
    'Owner not found',
    "No user in the other system has the owner's email, so the integration user owns the new record.",
    'Create the user with the same email, or reassign the record.',
  ],
  NAME_MISMATCH: [
    'warning',
    'Owner name differs',
    "A user has the owner's email but another name, so the integration user owns the new record.",
    'Make the names agree in both systems.',
  ],
  USER_INACTIVE: [
    'warning',
    'Owner inactive',
    'The matching user is inactive, so the integration user owns the new record.',
    'Reactivate the user or reassign the record.',
  ],
  AMBIGUOUS_USER: [
    'warning',
    'Several possible owners',
    'More than one user matches the owner, so none was chosen.',
    'Give each user a unique email.',
  ],
};

export const reasonRows: Record<string, ExplanationRow> = {
  ...creation,
  ...planning,
  ...merge,
  ...values,
  ...owners,
  ...decisionRows,
};
