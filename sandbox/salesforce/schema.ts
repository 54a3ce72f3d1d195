/**
 * The org's metadata: which objects and fields exist, with the types, lengths and flags describe reports and the
 * validator enforces. One table drives describe, SOQL field checks and DML validation so they cannot disagree.
 * Lengths follow the standard objects' describe (Account.Name 255, Phone 40, BillingCity 40, BillingState 80, ...).
 */
import { KEY_PREFIX } from './ids.js';

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'url'
  | 'phone'
  | 'email'
  | 'picklist'
  | 'reference'
  | 'datetime'
  | 'boolean'
  | 'int'
  | 'currency';

/** How SOQL compares a field: the literal kinds it accepts. */
export type ValueKind = 'string' | 'datetime' | 'boolean' | 'number';

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  length: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  /** Must be given on insert (REQUIRED_FIELD_MISSING). */
  required?: boolean;
  externalId?: boolean;
  unique?: boolean;
  picklist?: readonly string[];
  restrictedPicklist?: boolean;
  referenceTo?: string;
  relationshipName?: string;
  /** Max digits for numbers (int 8 as NumberOfEmployees; currency 18). */
  digits?: number;
  /** Formula fields: computed on read, never stored. */
  compute?: (record: Readonly<Record<string, unknown>>) => unknown;
}

export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  /** User is read-only through the API in this emulator (users are provisioned, not synced). */
  writable: boolean;
  fields: FieldDef[];
  /** SOQL and JSON field names are case-insensitive. */
  fieldByLowerName: Map<string, FieldDef>;
}

export function valueKind(type: FieldType): ValueKind {
  switch (type) {
    case 'datetime':
      return 'datetime';
    case 'boolean':
      return 'boolean';
    case 'int':
    case 'currency':
      return 'number';
    default:
      return 'string';
  }
}

const system = { nillable: false, createable: false, updateable: false } as const;
const editable = { nillable: true, createable: true, updateable: true } as const;

const idField = (label: string): FieldDef => ({ name: 'Id', label, type: 'id', length: 18, ...system });
const text = (name: string, label: string, length: number, type: FieldType = 'string'): FieldDef => ({
  name,
  label,
  type,
  length,
  ...editable,
});
const ref = (name: string, label: string, to: string, relationshipName: string, nillable = true): FieldDef => ({
  name,
  label,
  type: 'reference',
  length: 18,
  ...editable,
  nillable,
  referenceTo: to,
  relationshipName,
});
const auditFields = (withUsers: boolean): FieldDef[] => [
  { name: 'IsDeleted', label: 'Deleted', type: 'boolean', length: 0, ...system },
  { name: 'CreatedDate', label: 'Created Date', type: 'datetime', length: 0, ...system },
  ...(withUsers ? [{ ...ref('CreatedById', 'Created By ID', 'User', 'CreatedBy', false), ...system }] : []),
  { name: 'LastModifiedDate', label: 'Last Modified Date', type: 'datetime', length: 0, ...system },
  ...(withUsers
    ? [{ ...ref('LastModifiedById', 'Last Modified By ID', 'User', 'LastModifiedBy', false), ...system }]
    : []),
  { name: 'SystemModstamp', label: 'System Modstamp', type: 'datetime', length: 0, ...system },
];
const fullName = (r: Readonly<Record<string, unknown>>): string =>
  [r.FirstName, r.LastName].filter((part) => typeof part === 'string' && part !== '').join(' ');

/** Salesforce's standard Industry values; the org made the picklist restricted, so others are rejected. */
export const INDUSTRIES = [
  'Agriculture',
  'Apparel',
  'Banking',
  'Biotechnology',
  'Chemicals',
  'Communications',
  'Construction',
  'Consulting',
  'Education',
  'Electronics',
  'Energy',
  'Engineering',
  'Entertainment',
  'Environmental',
  'Finance',
  'Food & Beverage',
  'Government',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Machinery',
  'Manufacturing',
  'Media',
  'Not For Profit',
  'Recreation',
  'Retail',
  'Shipping',
  'Technology',
  'Telecommunications',
  'Transportation',
  'Utilities',
  'Other',
] as const;

export const LEAD_STATUSES = [
  'Open - Not Contacted',
  'Working - Contacted',
  'Closed - Converted',
  'Closed - Not Converted',
] as const;

function objectDef(
  name: string,
  label: string,
  labelPlural: string,
  keyPrefix: string,
  fields: FieldDef[],
  writable = true,
): ObjectDef {
  return {
    name,
    label,
    labelPlural,
    keyPrefix,
    writable,
    fields,
    fieldByLowerName: new Map(fields.map((f) => [f.name.toLowerCase(), f])),
  };
}

const account = objectDef('Account', 'Account', 'Accounts', KEY_PREFIX.Account, [
  idField('Account ID'),
  { ...ref('MasterRecordId', 'Master Record ID', 'Account', 'MasterRecord'), ...system, nillable: true },
  { ...text('Name', 'Account Name', 255), nillable: false, required: true },
  ref('ParentId', 'Parent Account ID', 'Account', 'Parent'),
  text('Website', 'Website', 255, 'url'),
  text('Phone', 'Account Phone', 40, 'phone'),
  text('BillingCity', 'Billing City', 40),
  text('BillingState', 'Billing State/Province', 80),
  text('BillingCountry', 'Billing Country', 80),
  { ...text('Industry', 'Industry', 255, 'picklist'), picklist: INDUSTRIES, restrictedPicklist: true },
  { ...text('NumberOfEmployees', 'Employees', 0, 'int'), digits: 8 },
  { ...text('AnnualRevenue', 'Annual Revenue', 0, 'currency'), digits: 18 },
  text('Description', 'Account Description', 32000, 'textarea'),
  ref('OwnerId', 'Owner ID', 'User', 'Owner', false),
  { ...text('HubSpot_Company_Id__c', 'HubSpot Company Id', 40), externalId: true, unique: true },
  // A formula field, so describe has a `calculated` field and writes to it fail like they do on a real org.
  {
    name: 'Has_HubSpot_Link__c',
    label: 'Has HubSpot Link',
    type: 'boolean',
    length: 0,
    ...system,
    compute: (r) => typeof r.HubSpot_Company_Id__c === 'string' && r.HubSpot_Company_Id__c !== '',
  },
  ...auditFields(true),
]);

const personFields = (): FieldDef[] => [
  text('FirstName', 'First Name', 40),
  { ...text('LastName', 'Last Name', 80), nillable: false, required: true },
  { name: 'Name', label: 'Full Name', type: 'string', length: 121, ...system, compute: fullName },
  text('Email', 'Email', 80, 'email'),
];

const contact = objectDef('Contact', 'Contact', 'Contacts', KEY_PREFIX.Contact, [
  idField('Contact ID'),
  ...personFields(),
  ref('AccountId', 'Account ID', 'Account', 'Account'),
  ref('OwnerId', 'Owner ID', 'User', 'Owner', false),
  ...auditFields(false),
]);

const lead = objectDef('Lead', 'Lead', 'Leads', KEY_PREFIX.Lead, [
  idField('Lead ID'),
  ...personFields(),
  { ...text('Company', 'Company', 255), nillable: false, required: true },
  { ...text('Status', 'Status', 255, 'picklist'), nillable: false, picklist: LEAD_STATUSES, restrictedPicklist: true },
  { name: 'IsConverted', label: 'Converted', type: 'boolean', length: 0, ...system },
  ref('OwnerId', 'Owner ID', 'User', 'Owner', false),
  ...auditFields(false),
]);

const user = objectDef(
  'User',
  'User',
  'Users',
  KEY_PREFIX.User,
  [
    idField('User ID'),
    { ...text('Username', 'Username', 80), ...system },
    { ...text('Name', 'Full Name', 121), ...system },
    { ...text('FirstName', 'First Name', 40), ...system },
    { ...text('LastName', 'Last Name', 80), ...system },
    { ...text('Email', 'Email', 128, 'email'), ...system },
    { name: 'IsActive', label: 'Active', type: 'boolean', length: 0, ...system },
    // Real User records have SystemModstamp too: incremental readers order by it.
    { name: 'SystemModstamp', label: 'System Modstamp', type: 'datetime', length: 0, ...system },
  ],
  false,
);

/**
 * The org itself: one read-only row that clients such as the Salesforce CLI query before their first data command
 * (`SELECT Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix, OrganizationType FROM Organization`).
 */
const organization = objectDef(
  'Organization',
  'Organization',
  'Organizations',
  KEY_PREFIX.Organization,
  [
    idField('Organization ID'),
    { ...text('Name', 'Name', 80), ...system },
    {
      ...text('OrganizationType', 'Edition', 40, 'picklist'),
      ...system,
      picklist: ['Developer Edition', 'Enterprise Edition', 'Professional Edition', 'Unlimited Edition'],
    },
    { name: 'IsSandbox', label: 'Is Sandbox', type: 'boolean', length: 0, ...system },
    { ...text('InstanceName', 'Instance Name', 5), ...system },
    { ...text('NamespacePrefix', 'Namespace Prefix', 15), ...system, nillable: true },
    { name: 'TrialExpirationDate', label: 'Trial Expiration Date', type: 'datetime', length: 0, ...system },
    { ...text('LanguageLocaleKey', 'Language', 40), ...system },
    { ...text('TimeZoneSidKey', 'Time Zone', 40), ...system },
    { ...text('DefaultLocaleSidKey', 'Locale', 40), ...system },
    { name: 'CreatedDate', label: 'Created Date', type: 'datetime', length: 0, ...system },
    { name: 'SystemModstamp', label: 'System Modstamp', type: 'datetime', length: 0, ...system },
  ],
  false,
);

export const OBJECTS: ReadonlyMap<string, ObjectDef> = new Map(
  [account, contact, lead, user, organization].map((o) => [o.name.toLowerCase(), o]),
);

/** Object names in URLs and FROM clauses are case-insensitive. */
export function objectDefFor(name: string): ObjectDef | undefined {
  return OBJECTS.get(name.toLowerCase());
}

export function fieldValue(field: FieldDef, record: Readonly<Record<string, unknown>>): unknown {
  return field.compute ? field.compute(record) : (record[field.name] ?? null);
}

export function objectDefForId(id: string): ObjectDef | undefined {
  const prefix = id.slice(0, 3);
  for (const object of OBJECTS.values()) if (object.keyPrefix === prefix) return object;
  return undefined;
}
