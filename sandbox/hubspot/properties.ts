/**
 * Property definitions per object type (wire-formats B5) and value validation. Values are strings on the wire
 * (B3.1); validation returns HubSpot's `propertyValidationResult` codes so 400/207 bodies read like HubSpot's.
 */
import type { PropertyProblem } from './errors.js';
import { industryOptions, lifecycleOptions, objectSourceOptions, type PropertyOption } from './property-options.js';

export type ObjectType = 'companies' | 'contacts';
export const OBJECT_TYPES: readonly ObjectType[] = ['companies', 'contacts'];
/** HubSpot's numeric object type ids (docs: using-object-apis): 0-1 contacts, 0-2 companies. */
export const OBJECT_TYPE_IDS: Record<ObjectType, string> = { contacts: '0-1', companies: '0-2' };

/** Accepts the names the client and docs use: `companies`, `company`, `0-2` (wire-formats B4). */
export function parseObjectType(raw: string | undefined): ObjectType | undefined {
  switch ((raw ?? '').toLowerCase()) {
    case 'companies':
    case 'company':
    case '0-2':
      return 'companies';
    case 'contacts':
    case 'contact':
    case '0-1':
      return 'contacts';
    default:
      return undefined;
  }
}

export type PropertyType = 'string' | 'number' | 'enumeration' | 'datetime' | 'date' | 'bool' | 'phone_number';

export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  options: PropertyOption[];
  hasUniqueValue: boolean;
  hubspotDefined: boolean;
  /** Set only by HubSpot itself (ids, create/modify dates, record source). */
  readOnlyValue: boolean;
  displayOrder: number;
  createdAt: string;
  updatedAt: string;
}

const DEFINED_AT = '2019-08-06T02:41:08.029Z';

type Spec = [name: string, label: string, type: PropertyType, fieldType: string, extra?: Partial<PropertyDefinition>];

const def =
  (group: string) =>
  ([name, label, type, fieldType, extra = {}]: Spec): PropertyDefinition => ({
    name,
    label,
    type,
    fieldType,
    groupName: group,
    description: '',
    options: [],
    hasUniqueValue: false,
    hubspotDefined: true,
    readOnlyValue: false,
    displayOrder: -1,
    createdAt: DEFINED_AT,
    updatedAt: DEFINED_AT,
    ...extra,
  });

const readOnly = { readOnlyValue: true };

/** Properties both object types have; the store derives these values from the record itself. */
const systemSpecs = (): Spec[] => [
  ['hs_object_id', 'Record ID', 'number', 'number', readOnly],
  ['createdate', 'Create Date', 'datetime', 'date', readOnly],
  ['hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date', readOnly],
  ['hs_object_source', 'Record source', 'enumeration', 'select', { ...readOnly, options: objectSourceOptions() }],
  ['hs_object_source_label', 'Record source label', 'string', 'text', readOnly],
  ['hs_object_source_id', 'Record source ID', 'string', 'text', readOnly],
  ['hubspot_owner_id', 'Owner', 'enumeration', 'select', { options: [] }],
  ['lifecyclestage', 'Lifecycle Stage', 'enumeration', 'radio', { options: lifecycleOptions() }],
];

const companySpecs = (): Spec[] => [
  ['name', 'Name', 'string', 'text'],
  ['domain', 'Company Domain Name', 'string', 'text'],
  ['phone', 'Phone Number', 'string', 'phonenumber'],
  ['city', 'City', 'string', 'text'],
  ['state', 'State/Region', 'string', 'text'],
  ['country', 'Country/Region', 'string', 'text'],
  ['industry', 'Industry', 'enumeration', 'select', { options: industryOptions() }],
  ['numberofemployees', 'Number of Employees', 'number', 'number'],
  ['annualrevenue', 'Annual Revenue', 'number', 'number'],
  ['description', 'Description', 'string', 'textarea'],
  // The link to the SF account (behaviour R0.1); unique so a second company claiming it is refused (R0.3).
  ['salesforceaccountid', 'Salesforce Account ID', 'string', 'text', { hasUniqueValue: true, hubspotDefined: false }],
];

const contactSpecs = (): Spec[] => [
  ['email', 'Email', 'string', 'text'],
  ['firstname', 'First Name', 'string', 'text'],
  ['lastname', 'Last Name', 'string', 'text'],
  ['phone', 'Phone Number', 'string', 'phonenumber'],
  ['company', 'Company Name', 'string', 'text'],
  ['lastmodifieddate', 'Last Modified Date', 'datetime', 'date', readOnly],
  ['salesforcecontactid', 'Salesforce Contact ID', 'string', 'text', { hubspotDefined: false }],
  ['salesforceleadid', 'Salesforce Lead ID', 'string', 'text', { hubspotDefined: false }],
];

export function defaultProperties(type: ObjectType): PropertyDefinition[] {
  const group = type === 'companies' ? 'companyinformation' : 'contactinformation';
  const own = type === 'companies' ? companySpecs() : contactSpecs();
  return [...systemSpecs(), ...own].map(def(group));
}

/** Returned when a list/get call names no properties (wire-formats B3: spec lists name, domain / names + email). */
export const DEFAULT_READ_PROPERTIES: Record<ObjectType, string[]> = {
  companies: ['name', 'domain'],
  contacts: ['firstname', 'lastname', 'email'],
};
/** HubSpot adds these to every returned object (B3.1 example, search guide B3.4). */
export const ALWAYS_RETURNED: Record<ObjectType, string[]> = {
  companies: ['createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  contacts: ['createdate', 'lastmodifieddate', 'hs_object_id'],
};
/** Free-text `query` in search looks at these (HubSpot's documented default searchable properties). */
export const QUERY_PROPERTIES: Record<ObjectType, string[]> = {
  companies: ['name', 'domain', 'phone', 'website'],
  contacts: ['firstname', 'lastname', 'email', 'phone', 'company'],
};

export class PropertyRegistry {
  private readonly byName = new Map<string, PropertyDefinition>();

  constructor(readonly type: ObjectType) {
    for (const p of defaultProperties(type)) this.byName.set(p.name, p);
  }

  get(name: string): PropertyDefinition | undefined {
    return this.byName.get(name);
  }

  all(): PropertyDefinition[] {
    return [...this.byName.values()];
  }

  add(p: PropertyDefinition): void {
    this.byName.set(p.name, p);
  }

  uniqueNames(): string[] {
    return this.all()
      .filter((p) => p.hasUniqueValue)
      .map((p) => p.name);
  }

  /** Normalises one incoming value or explains why HubSpot would refuse it. `null` clears the property. */
  check(name: string, raw: unknown): { value: string | null } | { problem: PropertyProblem } {
    const p = this.byName.get(name);
    if (!p) return problem(name, 'PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`);
    if (p.readOnlyValue)
      return problem(name, 'READ_ONLY_VALUE', `${name} is a read only property; its value cannot be set.`);
    if (raw === null || raw === undefined || raw === '') return { value: null };
    const value = typeof raw === 'string' ? raw : String(raw);
    switch (p.type) {
      case 'enumeration':
        return checkOption(p, value);
      case 'number':
        return Number.isFinite(Number(value))
          ? { value }
          : problem(name, 'INVALID_LONG', `${value} was not a valid number.`);
      case 'bool':
        return value === 'true' || value === 'false'
          ? { value }
          : problem(name, 'INVALID_BOOLEAN', `${value} was not a valid boolean.`);
      case 'date':
      case 'datetime':
        return toDate(value) === undefined
          ? problem(name, 'INVALID_DATE', `${value} was not a valid date.`)
          : { value: p.type === 'datetime' && /^\d+$/.test(value) ? new Date(Number(value)).toISOString() : value };
      default:
        return { value };
    }
  }
}

function checkOption(p: PropertyDefinition, value: string): { value: string } | { problem: PropertyProblem } {
  // hubspot_owner_id has external options (the owners list); HubSpot validates it elsewhere.
  if (p.options.length === 0) return { value };
  // Checkbox enumerations hold several values separated by ';'.
  const parts = p.fieldType === 'checkbox' ? value.split(';') : [value];
  for (const part of parts) {
    if (!p.options.some((o) => o.value === part)) {
      const allowed = p.options.map((o) => o.value).join(', ');
      return problem(p.name, 'INVALID_OPTION', `${part} was not one of the allowed options: [${allowed}]`);
    }
  }
  return { value };
}

const problem = (name: string, error: string, message: string): { problem: PropertyProblem } => ({
  problem: { name, error, message },
});

/** HubSpot accepts ISO 8601 or epoch milliseconds for date/datetime values and filters. */
export function toDate(value: string): number | undefined {
  const ms = /^-?\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}
