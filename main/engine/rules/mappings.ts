/**
 * R7.1 / R7.2 / R7.5 / R7.8 Field mappings: their shape, the default set, and validation before saving.
 */

export type SyncRule = 'PREFER_SF_UNLESS_BLANK' | 'ALWAYS_SF' | 'TWO_WAY' | 'NONE';

/** R7.3 the exact names people see. */
export const SYNC_RULE_LABELS: Readonly<Record<SyncRule, string>> = {
  PREFER_SF_UNLESS_BLANK: 'Prefer Salesforce unless blank',
  ALWAYS_SF: 'Always use Salesforce',
  TWO_WAY: 'Two-way',
  NONE: "Don't sync",
};

export const SYNC_RULES = Object.keys(SYNC_RULE_LABELS) as SyncRule[];

export interface FieldMapping {
  sfField: string;
  hsProperty: string;
  rule: SyncRule;
}

/** Salesforce describe types this console reasons about; others pass through as plain strings. */
export type SfFieldType =
  | 'string'
  | 'textarea'
  | 'url'
  | 'phone'
  | 'email'
  | 'picklist'
  | 'multipicklist'
  | 'reference'
  | 'boolean'
  | 'double'
  | 'int'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | (string & {});

export interface SfPicklistValue {
  value: string;
  label?: string;
  /** Inactive values cannot be written; absent means active. */
  active?: boolean;
}

export interface SfFieldDescribe {
  name: string;
  type: SfFieldType;
  /** Maximum length of text fields. */
  length?: number;
  picklistValues?: SfPicklistValue[];
  updateable: boolean;
  /** A formula field. */
  calculated: boolean;
}

export interface HsPropertyOption {
  value: string;
  label: string;
}

export interface HsPropertyDescribe {
  name: string;
  /** `string`, `number`, `bool`, `enumeration`, `date`, `datetime`, `phone_number`, … */
  type: string;
  /** `text`, `textarea`, `select`, `radio`, `checkbox`, `booleancheckbox`, `number`, `date`, `phonenumber`, … */
  fieldType: string;
  options?: HsPropertyOption[];
  /** A property of field type "HubSpot user" (owner-like). */
  hubspotUser?: boolean;
  /** HubSpot computes the value (calculated, or `readOnlyValue`); the console cannot write it. */
  readOnly?: boolean;
}

export const OWNER_MAPPING = { sfField: 'OwnerId', hsProperty: 'hubspot_owner_id' } as const;

/**
 * R7.8 Default company mappings. Decision: R7.8 names the rule only for Name (Two-way) and Website (Prefer SF
 * unless blank); the others take "Prefer Salesforce unless blank", the reference product's default for account
 * fields, and the owner is Two-way because R7.5 says the owner is always two-way.
 */
export const defaultCompanyMappings: readonly FieldMapping[] = [
  { sfField: 'Name', hsProperty: 'name', rule: 'TWO_WAY' },
  { sfField: 'Website', hsProperty: 'domain', rule: 'PREFER_SF_UNLESS_BLANK' },
  { sfField: 'Phone', hsProperty: 'phone', rule: 'PREFER_SF_UNLESS_BLANK' },
  { sfField: 'BillingCity', hsProperty: 'city', rule: 'PREFER_SF_UNLESS_BLANK' },
  { sfField: 'BillingState', hsProperty: 'state', rule: 'PREFER_SF_UNLESS_BLANK' },
  { sfField: 'BillingCountry', hsProperty: 'country', rule: 'PREFER_SF_UNLESS_BLANK' },
  { sfField: 'Industry', hsProperty: 'industry', rule: 'PREFER_SF_UNLESS_BLANK' },
  { sfField: 'NumberOfEmployees', hsProperty: 'numberofemployees', rule: 'PREFER_SF_UNLESS_BLANK' },
  { sfField: 'AnnualRevenue', hsProperty: 'annualrevenue', rule: 'PREFER_SF_UNLESS_BLANK' },
  { sfField: 'Description', hsProperty: 'description', rule: 'PREFER_SF_UNLESS_BLANK' },
  { sfField: OWNER_MAPPING.sfField, hsProperty: OWNER_MAPPING.hsProperty, rule: 'TWO_WAY' },
];

/** R7.8 Website↔domain values go through the domain normaliser. */
export const usesDomainNormaliser = (mapping: Pick<FieldMapping, 'hsProperty'>): boolean =>
  mapping.hsProperty === 'domain';

export const isOwnerMapping = (mapping: Pick<FieldMapping, 'sfField' | 'hsProperty'>): boolean =>
  mapping.sfField === OWNER_MAPPING.sfField && mapping.hsProperty === OWNER_MAPPING.hsProperty;

/** Whether a rule can ever write to Salesforce / to HubSpot (R7.3). */
export const ruleWritesSf = (rule: SyncRule): boolean => rule === 'PREFER_SF_UNLESS_BLANK' || rule === 'TWO_WAY';
export const ruleWritesHs = (rule: SyncRule): boolean => rule !== 'NONE';

/**
 * R7.2 compatibility: HS `type/fieldType` → the SF types it may pair with. Keys are `type/fieldType`, or `type/*`
 * when the field type does not matter. Beyond the R7.2 table: `phonenumber` text (HubSpot's own company `phone`
 * property is `string/phonenumber`, or `phone_number`) pairs with SF phone/string, else the default
 * Phone↔phone mapping could not be saved.
 */
const COMPATIBLE_SF_TYPES: Readonly<Record<string, readonly string[]>> = {
  'enumeration/select': ['picklist', 'reference'],
  'enumeration/radio': ['picklist', 'reference'],
  'enumeration/checkbox': ['multipicklist'],
  'bool/*': ['boolean'],
  'number/*': ['double', 'int', 'currency', 'percent'],
  'string/text': ['string', 'textarea', 'url', 'phone', 'email'],
  'string/textarea': ['textarea'],
  'string/phonenumber': ['phone', 'string'],
  'phone_number/*': ['phone', 'string'],
  'date/*': ['date', 'datetime'],
  'datetime/*': ['date', 'datetime'],
};

export function typesCompatible(
  sf: Pick<SfFieldDescribe, 'type'>,
  hs: Pick<HsPropertyDescribe, 'type' | 'fieldType'>,
): boolean {
  const allowed = COMPATIBLE_SF_TYPES[`${hs.type}/${hs.fieldType}`] ?? COMPATIBLE_SF_TYPES[`${hs.type}/*`] ?? [];
  return allowed.includes(sf.type);
}
