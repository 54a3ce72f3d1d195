/**
 * What a real org checks before it saves a record, in the order it reports them: field access, required fields,
 * field formats (length, restricted picklist, number range, email, lookups), the validation rule, then uniqueness.
 * Problems with the request itself (unknown field, a string where a number belongs) fail the whole call, as the
 * JSON deserializer does on Salesforce.
 */
import { RequestError, type RecordError, recordError } from './errors.js';
import { normalizeId } from './ids.js';
import { type FieldDef, type ObjectDef, objectDefFor } from './schema.js';
import type { Row, SalesforceStore, SObjectName } from './store.js';

export interface ValidationContext {
  store: SalesforceStore;
  /** The optional "Website must not contain spaces" rule (FIELD_CUSTOM_VALIDATION_EXCEPTION). */
  validationRule: boolean;
}

export type Validated = { values: Record<string, unknown> } | { errors: RecordError[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const VALIDATION_RULE_MESSAGE = 'Website must not contain spaces';

/** Maps JSON keys onto canonical field names and JSON values onto field types; throws for request-level faults. */
function coerce(object: ObjectDef, input: Record<string, unknown>): Map<FieldDef, unknown> {
  const out = new Map<FieldDef, unknown>();
  for (const [key, raw] of Object.entries(input)) {
    const field = object.fieldByLowerName.get(key.toLowerCase());
    if (!field)
      throw new RequestError(400, 'INVALID_FIELD', `No such column '${key}' on sobject of type ${object.name}`);
    out.set(field, coerceValue(field, raw));
  }
  return out;
}

function coerceValue(field: FieldDef, raw: unknown): unknown {
  if (raw === null || raw === undefined || raw === '') return null;
  const fail = (javaType: string) =>
    new RequestError(
      400,
      'JSON_PARSER_ERROR',
      `Cannot deserialize instance of ${javaType} from ${typeof raw === 'string' ? 'VALUE_STRING' : 'JSON'} value ${String(raw)} or request may be missing a required field`,
    );
  switch (field.type) {
    case 'int':
    case 'currency': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
      if (!Number.isFinite(n)) throw fail(field.type === 'int' ? 'int' : 'double');
      return n;
    }
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw fail('boolean');
    default:
      if (typeof raw === 'string') return raw;
      if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
      throw fail('String');
  }
}

function formatError(field: FieldDef, value: unknown, ctx: ValidationContext): RecordError | undefined {
  if (value === null) return undefined;
  const label = field.label;
  if (typeof value === 'number') {
    const tooBig = Math.abs(value) >= 10 ** (field.digits ?? 18);
    if (tooBig || (field.type === 'int' && !Number.isInteger(value))) {
      return recordError(
        'NUMBER_OUTSIDE_VALID_RANGE',
        `${label}: value outside of valid range on numeric field: ${value}`,
        [field.name],
      );
    }
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  if (field.length > 0 && value.length > field.length) {
    return recordError('STRING_TOO_LONG', `${label}: data value too large: ${value} (max length=${field.length})`, [
      field.name,
    ]);
  }
  if (field.restrictedPicklist && !field.picklist?.includes(value)) {
    return recordError(
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      `${label}: bad value for restricted picklist field: ${value}`,
      [field.name],
    );
  }
  if (field.type === 'email' && !EMAIL.test(value)) {
    return recordError('INVALID_EMAIL_ADDRESS', `${label}: invalid email address: ${value}`, [field.name]);
  }
  if (field.type === 'reference') return referenceError(field, value, ctx);
  return undefined;
}

function referenceError(field: FieldDef, value: string, ctx: ValidationContext): RecordError | undefined {
  const target = field.referenceTo as SObjectName;
  const id = normalizeId(value);
  if (!id || id.slice(0, 3) !== objectDefFor(target)?.keyPrefix) {
    return recordError('MALFORMED_ID', `${field.label}: id value of incorrect type: ${value}`, [field.name]);
  }
  const row = ctx.store.get(target, id);
  if (!row)
    return recordError('INVALID_CROSS_REFERENCE_KEY', `${field.label}: invalid cross reference id`, [field.name]);
  if (row.IsDeleted) return recordError('ENTITY_IS_DELETED', 'entity is deleted', [field.name]);
  if (target === 'User' && row.IsActive === false) {
    return recordError(
      'INACTIVE_OWNER_OR_USER',
      `operation performed with inactive user [${id}] as owner of [${field.name}]`,
      [field.name],
    );
  }
  return undefined;
}

/**
 * Validates an insert (`existing` undefined) or an update. Returns the canonical field values to store or the
 * record's errors. Lookup ids are stored in their 18-char form.
 */
export function validateWrite(
  ctx: ValidationContext,
  object: ObjectDef,
  input: Record<string, unknown>,
  existing?: Row,
): Validated {
  const given = coerce(object, input);
  const locked = [...given.keys()].filter((f) => (existing ? !f.updateable : !f.createable)).map((f) => f.name);
  if (locked.length > 0) {
    return {
      errors: [
        recordError(
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${locked.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
          locked,
        ),
      ],
    };
  }
  const after = (f: FieldDef) => (given.has(f) ? given.get(f) : existing ? existing[f.name] : null);
  const missing = object.fields.filter(
    (f) => (f.required || (!f.nillable && given.has(f))) && f.createable && after(f) === null,
  );
  if (missing.length > 0 && (!existing || missing.some((f) => given.has(f)))) {
    const names = missing.map((f) => f.name);
    return {
      errors: [recordError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${names.join(', ')}]`, names)],
    };
  }
  const formatErrors = [...given].flatMap(([f, v]) => formatError(f, v, ctx) ?? []);
  if (formatErrors.length > 0) return { errors: formatErrors };

  const values: Record<string, unknown> = {};
  for (const [f, v] of given) values[f.name] = f.type === 'reference' && typeof v === 'string' ? normalizeId(v) : v;
  const website = object.name === 'Account' ? after(object.fieldByLowerName.get('website') as FieldDef) : null;
  if (ctx.validationRule && typeof website === 'string' && /\s/.test(website)) {
    return { errors: [recordError('FIELD_CUSTOM_VALIDATION_EXCEPTION', VALIDATION_RULE_MESSAGE, ['Website'])] };
  }
  const loop = object.name === 'Account' ? hierarchyLoopError(ctx, values, existing) : undefined;
  if (loop) return { errors: [loop] };
  const duplicate = duplicateError(ctx, object, values, existing);
  return duplicate ? { errors: [duplicate] } : { values };
}

function duplicateError(
  ctx: ValidationContext,
  object: ObjectDef,
  values: Record<string, unknown>,
  existing: Row | undefined,
): RecordError | undefined {
  const value = values.HubSpot_Company_Id__c;
  if (object.name !== 'Account' || typeof value !== 'string') return undefined;
  const holder = ctx.store.accountIdByExternalId(value);
  if (!holder || holder === existing?.Id) return undefined;
  return recordError(
    'DUPLICATE_VALUE',
    `duplicate value found: HubSpot_Company_Id__c duplicates value on record with id: ${holder}`,
  );
}

/**
 * An account cannot be its own ancestor: Salesforce refuses a ParentId that points at the account itself or at one of
 * its descendants. The org's wording varies by release; the status code is FIELD_INTEGRITY_EXCEPTION.
 */
function hierarchyLoopError(
  ctx: ValidationContext,
  values: Record<string, unknown>,
  existing: Row | undefined,
): RecordError | undefined {
  const parentId = values.ParentId;
  if (!existing || typeof parentId !== 'string') return undefined;
  const seen = new Set<string>();
  for (let cursor: string | undefined = parentId; cursor && !seen.has(cursor); ) {
    if (cursor === existing.Id) {
      return recordError(
        'FIELD_INTEGRITY_EXCEPTION',
        'Parent Account ID: an account cannot be the parent of itself or of one of its ancestors',
        ['ParentId'],
      );
    }
    seen.add(cursor);
    const next: unknown = ctx.store.get('Account', cursor)?.ParentId;
    cursor = typeof next === 'string' ? next : undefined;
  }
  return undefined;
}
