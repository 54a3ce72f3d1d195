/**
 * HsObject → the wire shapes of wire-formats B3.1 (SimplePublicObject / WithAssociations / propertiesWithHistory),
 * plus the query-parameter parsing every read route shares.
 */
import type { HsObject } from '../model.js';
import type { HistoryEntry } from './history.js';
import { ALWAYS_RETURNED, DEFAULT_READ_PROPERTIES, type ObjectType, parseObjectType } from './properties.js';
import type { HubSpotStore } from './store.js';

/** Values HubSpot computes from the record rather than storing (ids and modification dates). */
export function propertyValue(o: HsObject, name: string): string | null {
  switch (name) {
    case 'hs_object_id':
      return o.id;
    case 'createdate':
      return o.createdAt;
    case 'hs_lastmodifieddate':
    case 'lastmodifieddate':
      return o.updatedAt;
    default:
      return o.properties[name] ?? null;
  }
}

export interface ReadOptions {
  /** Property names to return; undefined = the type's defaults; 'all-set' = every stored value (write responses). */
  properties?: string[] | 'all-set';
  propertiesWithHistory?: string[];
  associations?: ObjectType[];
}

/**
 * The property names a read returns, in wire order: the requested (or default) names the registry knows, then the
 * always-returned ones. Resolved once per call, not once per record (a batch read serialises 100 records).
 */
export function wireNames(store: HubSpotStore, type: ObjectType, requested: string[] | undefined): string[] {
  const registry = store.properties[type];
  const names = new Set<string>();
  for (const name of requested ?? DEFAULT_READ_PROPERTIES[type]) if (registry.get(name)) names.add(name);
  for (const name of ALWAYS_RETURNED[type]) names.add(name);
  return [...names];
}

export function toWire(
  store: HubSpotStore,
  type: ObjectType,
  o: HsObject,
  opts: ReadOptions = {},
  names: string[] = opts.properties === 'all-set'
    ? wireNames(store, type, Object.keys(o.properties))
    : wireNames(store, type, opts.properties),
): Record<string, unknown> {
  const properties: Record<string, string | null> = {};
  for (const name of names) properties[name] = propertyValue(o, name);
  const out: Record<string, unknown> = {
    id: o.id,
    properties,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    archived: o.archived,
  };
  const archivedAt = (o as { archivedAt?: string }).archivedAt;
  if (archivedAt) out.archivedAt = archivedAt;
  if (opts.propertiesWithHistory && opts.propertiesWithHistory.length > 0) {
    out.propertiesWithHistory = historyOf(store, type, o, opts.propertiesWithHistory);
  }
  if (opts.associations && opts.associations.length > 0) {
    const associations = associationsOf(store, type, o.id, opts.associations);
    if (associations) out.associations = associations;
  }
  return out;
}

function historyOf(store: HubSpotStore, type: ObjectType, o: HsObject, names: string[]): Record<string, unknown[]> {
  const table = store.tables[type];
  const out: Record<string, unknown[]> = {};
  for (const name of names) {
    if (!store.properties[type].get(name)) continue;
    const current = propertyValue(o, name);
    const fallback: HistoryEntry | undefined =
      current === null
        ? undefined
        : { value: current, timestamp: Date.parse(o.updatedAt), sourceType: o.properties.hs_object_source ?? 'IMPORT' };
    out[name] = table.history.versions(o.id, name, fallback);
  }
  return out;
}

/**
 * v3 `associations` on GET/list: `{contacts: {results: [{id, type}]}}`. The unlabeled pair is
 * `company_to_contact_unlabeled` (279/280) and the primary one `company_to_contact` (type 1/2), as HubSpot names
 * them in v3 responses. Empty kinds are left out, as HubSpot does.
 */
function associationsOf(
  store: HubSpotStore,
  type: ObjectType,
  id: string,
  kinds: ObjectType[],
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const kind of kinds) {
    if (kind === type) continue;
    const results: Array<{ id: string; type: string }> = [];
    if (type === 'companies') {
      for (const contactId of store.associations.contactsOf(id)) {
        if (store.associations.isPrimary(id, contactId)) results.push({ id: contactId, type: 'company_to_contact' });
        results.push({ id: contactId, type: 'company_to_contact_unlabeled' });
      }
    } else {
      for (const companyId of store.associations.companiesOf(id)) {
        if (store.associations.isPrimary(companyId, id)) results.push({ id: companyId, type: 'contact_to_company' });
        results.push({ id: companyId, type: 'contact_to_company_unlabeled' });
      }
    }
    if (results.length > 0) out[kind] = { results };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The client repeats array params (`?properties=a&properties=b`); docs describe comma lists. Accept both (B1). */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.getAll(name);
  if (raw.length === 0) return undefined;
  return raw
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function associationKinds(names: string[] | undefined): ObjectType[] | undefined {
  if (!names) return undefined;
  return names.map(parseObjectType).filter((t): t is ObjectType => t !== undefined);
}

/** A JSON array of strings from a request body, or undefined. */
export function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}
