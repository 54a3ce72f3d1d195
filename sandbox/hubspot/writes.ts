/**
 * Create and update of one record, shared by the single-object and batch routes: validation, unique values,
 * per-property history and the modification timestamps. Batch routes turn a failed outcome into a 207 entry,
 * single routes into a 400/409 response.
 */
import type { HsObject } from '../model.js';
import { type ErrorDetail, type PropertyProblem, propertyProblemsDetails, propertyProblemsMessage } from './errors.js';
import type { HistoryEntry } from './history.js';
import type { ObjectType } from './properties.js';
import type { HubSpotStore } from './store.js';

/** Who writes: HubSpot stamps API writes with sourceType INTEGRATION and the app id as sourceId. */
export interface WriteSource {
  sourceType: string;
  sourceId: string;
}

export interface WriteFailure {
  status: number;
  category: string;
  message: string;
  context: Record<string, string[]>;
  errors: ErrorDetail[];
}

export type WriteOutcome = { ok: true; object: HsObject } | { ok: false; failure: WriteFailure };

type Values = Array<[name: string, value: string | null]>;

const SINGULAR: Record<ObjectType, string> = { companies: 'company', contacts: 'contact' };

function validationFailure(problems: PropertyProblem[]): WriteFailure {
  return {
    status: 400,
    category: 'VALIDATION_ERROR',
    message: propertyProblemsMessage(problems),
    context: { propertyName: problems.map((p) => p.name) },
    errors: propertyProblemsDetails(problems),
  };
}

function checkValues(
  store: HubSpotStore,
  type: ObjectType,
  raw: unknown,
  selfId: string | undefined,
): Values | WriteFailure {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      status: 400,
      category: 'VALIDATION_ERROR',
      message: 'properties must be an object',
      context: {},
      errors: [],
    };
  }
  const registry = store.properties[type];
  const table = store.tables[type];
  const values: Values = [];
  const problems: PropertyProblem[] = [];
  for (const [name, rawValue] of Object.entries(raw as Record<string, unknown>)) {
    const checked = registry.check(name, rawValue);
    if ('problem' in checked) problems.push(checked.problem);
    else values.push([name, checked.value]);
  }
  if (problems.length > 0) return validationFailure(problems);
  for (const [name, value] of values) {
    if (value === null || !table.isIndexed(name)) continue;
    const holder = table.findIdBy(name, value);
    if (holder === undefined || holder === selfId) continue;
    if (name === 'email') {
      // Observed HubSpot wording and category (wire-formats B7, hubspot-api-nodejs#545).
      return {
        status: 409,
        category: 'CONFLICT',
        message: `Contact already exists. Existing ID: ${holder}`,
        context: { existingId: [holder] },
        errors: [],
      };
    }
    // Unique-value conflicts are reported as a property validation problem. HubSpot's exact wording for
    // hasUniqueValue conflicts was not found in public material; the shape follows the other property errors.
    return validationFailure([
      {
        name,
        error: 'DUPLICATE_UNIQUE_VALUE',
        message: `A ${SINGULAR[type]} with ${name} "${value}" already exists (id ${holder}); ${name} must be unique.`,
      },
    ]);
  }
  return values;
}

function apply(
  store: HubSpotStore,
  type: ObjectType,
  o: HsObject,
  values: Values,
  at: Date,
  source: WriteSource,
  isNew: boolean,
): void {
  const table = store.tables[type];
  const ts = at.getTime();
  const previousStamp = Date.parse(o.updatedAt);
  const previousSource = o.properties.hs_object_source ?? 'IMPORT';
  for (const [name, value] of values) {
    const before = o.properties[name] ?? null;
    if (before === value) continue;
    if (value === null) delete o.properties[name];
    else o.properties[name] = value;
    // Records loaded without history keep their old value as the first version.
    const previous: HistoryEntry | undefined =
      !isNew && before !== null && !table.history.has(o.id, name)
        ? { value: before, timestamp: previousStamp, sourceType: previousSource }
        : undefined;
    table.history.record(o.id, name, { value: value ?? '', timestamp: ts, ...source }, previous);
    if (table.isIndexed(name)) table.reindex(o, name, before);
  }
  o.updatedAt = at.toISOString();
}

export function createObject(
  store: HubSpotStore,
  type: ObjectType,
  raw: unknown,
  at: Date,
  source: WriteSource,
): WriteOutcome {
  const values = checkValues(store, type, raw ?? {}, undefined);
  if (!Array.isArray(values)) return { ok: false, failure: values };
  const table = store.tables[type];
  const iso = at.toISOString();
  const o: HsObject = {
    id: table.allocateId(),
    // How the record was created (R3.2a reads hs_object_source): API writes are INTEGRATION writes.
    properties: {
      hs_object_source: 'INTEGRATION',
      hs_object_source_label: 'INTEGRATION',
      hs_object_source_id: source.sourceId,
    },
    createdAt: iso,
    updatedAt: iso,
    archived: false,
  };
  table.insert(o);
  apply(store, type, o, values, at, source, true);
  return { ok: true, object: o };
}

export function updateObject(
  store: HubSpotStore,
  type: ObjectType,
  o: HsObject,
  raw: unknown,
  at: Date,
  source: WriteSource,
): WriteOutcome {
  const values = checkValues(store, type, raw ?? {}, o.id);
  if (!Array.isArray(values)) return { ok: false, failure: values };
  apply(store, type, o, values, at, source, false);
  return { ok: true, object: o };
}

/**
 * The live record `id` names through `idProperty` (a unique property, `email`, or the default `hs_object_id`).
 * One Map lookup for the default: batch reads resolve 100 ids per call, and with millions of records each
 * lookup is a cache miss.
 */
export function resolveObject(
  store: HubSpotStore,
  type: ObjectType,
  id: string,
  idProperty: string | undefined,
): HsObject | undefined {
  const table = store.tables[type];
  if (!idProperty || idProperty === 'hs_object_id') return table.get(id);
  const found = table.findIdBy(idProperty, id);
  return found === undefined ? undefined : table.get(found);
}

/** idProperty must name a unique-value property (or email / hs_object_id), as HubSpot requires. */
export function idPropertyProblem(
  store: HubSpotStore,
  type: ObjectType,
  idProperty: string | undefined,
): string | undefined {
  if (!idProperty || idProperty === 'hs_object_id') return undefined;
  if (store.tables[type].isIndexed(idProperty)) return undefined;
  return store.properties[type].get(idProperty)
    ? `Property ${idProperty} is not a unique identifier and cannot be used as idProperty.`
    : `Property "${idProperty}" does not exist`;
}
