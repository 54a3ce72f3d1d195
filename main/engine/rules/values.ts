import { normalizeDomain } from './domain.js';
import { parseInstant, splitMultiValue } from './equality.js';
import { type HsPropertyDescribe, type SfFieldDescribe, type SfFieldType, usesDomainNormaliser } from './mappings.js';

/**
 * Converting one mapped value between the Salesforce and HubSpot representations. HubSpot values are strings
 * (null here means blank; the connector sends '' to clear). A value that cannot be represented on the other side
 * is a per-record property value error (R7.7, R9.2 PROPERTY_VALUE), never a silent drop.
 *
 * The owner (OwnerId ↔ hubspot_owner_id) is not converted here: ids are translated through owners.ts (R7.5).
 */

export type SfValue = string | number | boolean | null;
export type HsValue = string | null;

export type PropertyValueErrorCode =
  | 'PICKLIST_VALUE_MISSING'
  | 'NOT_A_NUMBER'
  | 'NOT_AN_INTEGER'
  | 'NOT_A_BOOLEAN'
  | 'INVALID_DATE'
  | 'INVALID_DOMAIN'
  | 'TOO_LONG';

export interface PropertyValueError {
  category: 'PROPERTY_VALUE';
  code: PropertyValueErrorCode;
  /** The field or property that could not receive the value. */
  field: string;
  value: SfValue;
  message: string;
}

export type ValueConversion<T> = { ok: true; value: T } | { ok: false; error: PropertyValueError };

/** HubSpot's limit for a string property value. */
export const HS_STRING_MAX_LENGTH = 65_536;

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER_TYPES: readonly SfFieldType[] = ['double', 'int', 'currency', 'percent'];

interface Option {
  value: string;
  label?: string;
}

export function sfToHsValue(value: SfValue, sf: SfFieldDescribe, hs: HsPropertyDescribe): ValueConversion<HsValue> {
  const fail = failure(hs.name, value);
  if (value === null || (typeof value === 'string' && value.trim() === '')) return { ok: true, value: null };

  if (usesDomainNormaliser({ hsProperty: hs.name })) {
    const domain = normalizeDomain(String(value));
    return domain === null
      ? fail('INVALID_DOMAIN', `"${value}" is not a web address HubSpot can use as a domain.`)
      : ok(domain);
  }
  if (typeof value === 'boolean') return ok(String(value));
  if (typeof value === 'number')
    return Number.isFinite(value) ? ok(String(value)) : fail('NOT_A_NUMBER', `${value} is not a number.`);
  if (hs.type === 'date' || hs.type === 'datetime') return convertDate(value, hs.type, fail);
  if (hs.type === 'enumeration' && hs.options !== undefined) {
    const parts = sf.type === 'multipicklist' ? splitMultiValue(value) : [value.trim()];
    return mapOptions(parts, hs.options, `HubSpot property ${hs.name}`, fail);
  }
  if (value.length > HS_STRING_MAX_LENGTH) {
    return fail(
      'TOO_LONG',
      `The value has ${value.length} characters; HubSpot accepts at most ${HS_STRING_MAX_LENGTH}.`,
    );
  }
  return ok(value);
}

export function hsToSfValue(value: HsValue, sf: SfFieldDescribe, hs: HsPropertyDescribe): ValueConversion<SfValue> {
  const fail = failure(sf.name, value);
  if (value === null || value.trim() === '') {
    // Decision: a Salesforce checkbox has no blank; clearing it in HubSpot means unchecked.
    return { ok: true, value: sf.type === 'boolean' ? false : null };
  }
  const text = value.trim();

  if (usesDomainNormaliser({ hsProperty: hs.name })) {
    const domain = normalizeDomain(text);
    if (domain === null) return fail('INVALID_DOMAIN', `"${value}" is not a domain.`);
    return withinLength(domain, sf, fail);
  }
  if (sf.type === 'boolean') {
    const lower = text.toLowerCase();
    if (lower === 'true' || lower === 'false') return ok(lower === 'true');
    return fail('NOT_A_BOOLEAN', `"${value}" is not true or false.`);
  }
  if (NUMBER_TYPES.includes(sf.type)) {
    if (!NUMERIC.test(text)) return fail('NOT_A_NUMBER', `"${value}" is not a number.`);
    const number = Number(text);
    if (sf.type === 'int' && !Number.isInteger(number)) {
      return fail('NOT_AN_INTEGER', `"${value}" is not a whole number, which ${sf.name} requires.`);
    }
    return ok(number);
  }
  if (sf.type === 'date' || sf.type === 'datetime')
    return convertDate(text, sf.type === 'date' ? 'date' : 'datetime', fail);
  // Without a describe of the values there is nothing to check against; the remote system will judge.
  if ((sf.type === 'picklist' || sf.type === 'multipicklist') && sf.picklistValues !== undefined) {
    const active = (sf.picklistValues ?? []).filter((option) => option.active !== false);
    const parts = sf.type === 'multipicklist' ? splitMultiValue(text) : [text];
    return mapOptions(parts, active, `Salesforce field ${sf.name}`, fail);
  }
  return withinLength(value, sf, fail);
}

type Fail = (code: PropertyValueErrorCode, message: string) => { ok: false; error: PropertyValueError };

function failure(field: string, value: SfValue): Fail {
  return (code, message) => ({ ok: false, error: { category: 'PROPERTY_VALUE', code, field, value, message } });
}

function ok<T>(value: T): ValueConversion<T> {
  return { ok: true, value };
}

function withinLength(value: string, sf: SfFieldDescribe, fail: Fail): ValueConversion<SfValue> {
  if (sf.length !== undefined && sf.length > 0 && value.length > sf.length) {
    return fail('TOO_LONG', `The value has ${value.length} characters; ${sf.name} accepts at most ${sf.length}.`);
  }
  return ok(value);
}

/**
 * R7.7 Each value must exist on the other side: matched on the option value, then case-insensitively on the
 * value, then on the label (admins often key HubSpot options by label). Missing values are all named at once.
 */
function mapOptions(parts: string[], options: readonly Option[], where: string, fail: Fail): ValueConversion<string> {
  const mapped: string[] = [];
  const missing: string[] = [];
  for (const part of parts) {
    const lower = part.toLowerCase();
    const match =
      options.find((option) => option.value === part) ??
      options.find((option) => option.value.toLowerCase() === lower) ??
      options.find((option) => option.label?.toLowerCase() === lower);
    if (match) mapped.push(match.value);
    else missing.push(part);
  }
  if (missing.length > 0) {
    const list = missing.map((part) => `"${part}"`).join(', ');
    return fail(
      'PICKLIST_VALUE_MISSING',
      `${list} ${missing.length === 1 ? 'is not an option' : 'are not options'} of ${where}.`,
    );
  }
  return ok(mapped.join(';'));
}

/**
 * Dates: a date is `YYYY-MM-DD`, a date-time an ISO instant in UTC. HubSpot may also send epoch milliseconds.
 * A date-time written to a date keeps its UTC day.
 */
function convertDate(text: string, target: 'date' | 'datetime', fail: Fail): ValueConversion<string> {
  const trimmed = text.trim();
  const time = /^\d+$/.test(trimmed)
    ? Number(trimmed)
    : DATE_ONLY.test(trimmed)
      ? parseInstant(`${trimmed}T00:00:00.000Z`)
      : parseInstant(trimmed);
  const date = time === null ? null : new Date(time);
  const iso = date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
  // A calendar-impossible day (2024-02-30) rolls over in Date; refuse it rather than write another day.
  if (iso === null || (DATE_ONLY.test(trimmed) && iso.slice(0, 10) !== trimmed)) {
    return fail('INVALID_DATE', `"${text}" is not a date.`);
  }
  return ok(target === 'date' ? iso.slice(0, 10) : iso);
}
