/** Which fields and properties a refresh reads: what the rules need plus every mapped one. */
import type { FieldMapping, SfFieldDescribe } from '../rules/mappings.js';

const ACCOUNT_BASE = [
  'Id',
  'Name',
  'Website',
  'OwnerId',
  'CreatedDate',
  'SystemModstamp',
  'IsDeleted',
  'MasterRecordId',
  // The account hierarchy (engine/hierarchy/): read whether or not a mapping names it.
  'ParentId',
];
export const HUBSPOT_ID_FIELD = 'HubSpot_Company_Id__c';

export function accountFields(mappings: FieldMapping[], describe: SfFieldDescribe[]): string[] {
  const known = new Set(describe.map((f) => f.name));
  const wanted = [
    ...ACCOUNT_BASE,
    ...(known.has(HUBSPOT_ID_FIELD) ? [HUBSPOT_ID_FIELD] : []),
    ...mappings.map((m) => m.sfField),
  ];
  // Only fields the org has: a mapping to a deleted field must not break the whole read (it is reported per record).
  return [...new Set(wanted)].filter((f) => known.size === 0 || known.has(f));
}

export const CONTACT_FIELDS = ['Id', 'AccountId', 'Email', 'IsDeleted', 'SystemModstamp'];
export const LEAD_FIELDS = ['Id', 'Email', 'IsConverted', 'IsDeleted', 'SystemModstamp'];
export const USER_FIELDS = ['Id', 'Name', 'Email', 'IsActive'];

const COMPANY_BASE = [
  'name',
  'domain',
  'salesforceaccountid',
  'hubspot_owner_id',
  'hs_object_source',
  'lifecyclestage',
];
export const HS_CONTACT_PROPERTIES = [
  'email',
  'salesforcecontactid',
  'salesforceleadid',
  'lifecyclestage',
  'hubspot_owner_id',
];

export const companyProperties = (mappings: FieldMapping[]): string[] => [
  ...new Set([...COMPANY_BASE, ...mappings.map((m) => m.hsProperty)]),
];

/** Mapped SF fields whose value differs between two cached versions of an account (R2.4: only these trigger). */
export function mappedFieldsChanged(
  mappings: FieldMapping[],
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): boolean {
  if (before === null) return true;
  return mappings.some((m) => JSON.stringify(before[m.sfField] ?? null) !== JSON.stringify(after[m.sfField] ?? null));
}
