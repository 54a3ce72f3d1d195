/**
 * CRM search (wire-formats B3.4): filterGroups ORed, filters ANDed; sorts as strings ("-prop") or objects;
 * offset `after`; limit ≤ 200; after + limit ≤ 10,000; 5 groups × 6 filters, 18 in all; query ≤ 3,000 chars.
 * An EQ on a unique-indexed property (or hs_object_id) is answered from the index, which is how the sync
 * finds a company by salesforceaccountid; anything else scans in id order.
 */
import type { HsObject } from '../../model.js';
import type { Router } from '../../http/router.js';
import type { ApiContext } from '../api.js';
import { hsJson, validationError } from '../errors.js';
import { type ObjectType, QUERY_PROPERTIES, toDate } from '../properties.js';
import { propertyValue, stringArray, toWire, wireNames } from '../serialize.js';
import type { HubSpotStore } from '../store.js';
import { asString, body, isResponse, limitParam, objectTypeParam } from './common.js';

const MAX_RESULTS = 10_000;

interface Filter {
  propertyName: string;
  operator: string;
  value?: string;
  values?: string[];
  highValue?: string;
}

type Comparable = { kind: 'number'; n: number } | { kind: 'text'; s: string };

export function searchRoutes(router: Router, ctx: ApiContext): void {
  router.on('POST', '/crm/v3/objects/:objectType/search', (req) => {
    const type = objectTypeParam(req);
    if (isResponse(type)) return type;
    const b = body(req);
    const limit = limitParam(b.limit, 10, 200);
    if (isResponse(limit)) return limit;
    const after = Number(asString(b.after) ?? '0');
    if (!Number.isInteger(after) || after < 0)
      return validationError(`after must be a non-negative integer; got ${String(b.after)}`);
    if (after + limit > MAX_RESULTS) {
      // "limited to 10,000 total results for any given query. Attempting to page beyond 10,000 will result in a
      // 400 error" (search guide, B3.4).
      return validationError(
        `Search results are limited to ${MAX_RESULTS} total results; after (${after}) + limit (${limit}) goes beyond it.`,
      );
    }
    const query = typeof b.query === 'string' ? b.query : undefined;
    if (query !== undefined && query.length > 3000)
      return validationError('The query may contain at most 3000 characters.');
    const groups = parseGroups(b.filterGroups);
    if (typeof groups === 'string') return validationError(groups);
    const sorts = parseSorts(b.sorts);

    const matches = (o: HsObject) =>
      (groups.length === 0 || groups.some((g) => g.every((f) => matchFilter(ctx.store, type, o, f)))) &&
      (query === undefined || query === '' || matchQuery(type, o, query));
    const candidates = indexedCandidates(ctx.store, type, groups) ?? ctx.store.tables[type].scan();

    let total = 0;
    let page: HsObject[] = [];
    if (sorts.length === 0) {
      for (const o of candidates) {
        if (!matches(o)) continue;
        if (total >= after && page.length < limit) page.push(o);
        total++;
      }
    } else {
      const all: HsObject[] = [];
      for (const o of candidates) if (matches(o)) all.push(o);
      const [sort] = sorts;
      if (sort) all.sort((x, y) => compare(ctx.store, type, sort.name, sort.dir, x, y));
      total = all.length;
      page = all.slice(after, after + limit);
    }
    const requested = stringArray(b.properties);
    const opts = requested && requested.length > 0 ? { properties: requested } : {};
    const names = wireNames(ctx.store, type, opts.properties);
    const results = page.map((o) => toWire(ctx.store, type, o, opts, names));
    const next = after + limit < total ? { paging: { next: { after: String(after + limit) } } } : {};
    return hsJson(200, { total, results, ...next });
  });
}

function parseGroups(raw: unknown): Filter[][] | string {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return 'filterGroups must be an array';
  if (raw.length > 5) return `Too many filter groups (${raw.length}); the maximum is 5.`;
  const groups: Filter[][] = [];
  let count = 0;
  for (const g of raw as Array<{ filters?: unknown }>) {
    const filters = Array.isArray(g.filters) ? (g.filters as Filter[]) : [];
    if (filters.length > 6) return `Too many filters in a group (${filters.length}); the maximum is 6.`;
    count += filters.length;
    groups.push(filters);
  }
  if (count > 18) return `Too many filters (${count}); the maximum is 18 in total.`;
  return groups;
}

function parseSorts(raw: unknown): Array<{ name: string; dir: 1 | -1 }> {
  if (!Array.isArray(raw)) return [];
  // The TS client types sorts as strings ("-createdate" = descending); JS callers send objects (B3.4).
  return raw.flatMap((s) => {
    if (typeof s === 'string')
      return s.startsWith('-') ? [{ name: s.slice(1), dir: -1 as const }] : [{ name: s, dir: 1 as const }];
    const o = s as { propertyName?: unknown; direction?: unknown };
    if (typeof o.propertyName !== 'string') return [];
    return [{ name: o.propertyName, dir: o.direction === 'DESCENDING' ? (-1 as const) : (1 as const) }];
  });
}

/** A single group with an EQ on an indexed property needs no scan. */
function indexedCandidates(store: HubSpotStore, type: ObjectType, groups: Filter[][]): HsObject[] | undefined {
  if (groups.length !== 1) return undefined;
  const table = store.tables[type];
  for (const f of groups[0] ?? []) {
    if (f.operator !== 'EQ' || f.value === undefined) continue;
    if (f.propertyName !== 'hs_object_id' && !table.isIndexed(f.propertyName)) continue;
    const id = table.findIdBy(f.propertyName, String(f.value));
    const o = id === undefined ? undefined : table.get(id);
    return o ? [o] : [];
  }
  return undefined;
}

function comparable(store: HubSpotStore, type: ObjectType, name: string, value: string): Comparable {
  const def = store.properties[type].get(name);
  if (def?.type === 'number' && Number.isFinite(Number(value))) return { kind: 'number', n: Number(value) };
  if (def?.type === 'datetime' || def?.type === 'date') {
    const ms = toDate(value);
    if (ms !== undefined) return { kind: 'number', n: ms };
  }
  return { kind: 'text', s: value.toLowerCase() };
}

function order(a: Comparable, b: Comparable): number {
  if (a.kind === 'number' && b.kind === 'number') return a.n - b.n;
  const x = a.kind === 'text' ? a.s : String(a.n);
  const y = b.kind === 'text' ? b.s : String(b.n);
  return x < y ? -1 : x > y ? 1 : 0;
}

function compare(store: HubSpotStore, type: ObjectType, name: string, dir: 1 | -1, x: HsObject, y: HsObject): number {
  const a = propertyValue(x, name);
  const b = propertyValue(y, name);
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1; // empty values sort last either way
  return dir * order(comparable(store, type, name, a), comparable(store, type, name, b));
}

function matchFilter(store: HubSpotStore, type: ObjectType, o: HsObject, f: Filter): boolean {
  const actual = propertyValue(o, f.propertyName);
  const has = actual !== null && actual !== '';
  const cmp = (v: unknown) =>
    order(comparable(store, type, f.propertyName, actual ?? ''), comparable(store, type, f.propertyName, String(v)));
  switch (f.operator) {
    case 'HAS_PROPERTY':
      return has;
    case 'NOT_HAS_PROPERTY':
      return !has;
    case 'EQ':
      return has && cmp(f.value) === 0;
    case 'NEQ':
      return !has || cmp(f.value) !== 0;
    case 'LT':
      return has && cmp(f.value) < 0;
    case 'LTE':
      return has && cmp(f.value) <= 0;
    case 'GT':
      return has && cmp(f.value) > 0;
    case 'GTE':
      return has && cmp(f.value) >= 0;
    case 'BETWEEN':
      return has && cmp(f.value) >= 0 && cmp(f.highValue) <= 0;
    case 'IN':
      return has && (f.values ?? []).some((v) => cmp(v) === 0);
    case 'NOT_IN':
      return !has || !(f.values ?? []).some((v) => cmp(v) === 0);
    case 'CONTAINS_TOKEN':
      return has && containsToken(actual ?? '', String(f.value ?? ''));
    case 'NOT_CONTAINS_TOKEN':
      return !has || !containsToken(actual ?? '', String(f.value ?? ''));
    default:
      return false;
  }
}

/** Tokens are split on non-alphanumerics; `*` is a wildcard (search guide). */
function containsToken(actual: string, pattern: string): boolean {
  const escaped = pattern
    .toLowerCase()
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*');
  const re = new RegExp(`^${escaped}$`);
  const lower = actual.toLowerCase();
  return re.test(lower) || lower.split(/[^\p{L}\p{N}]+/u).some((t) => t !== '' && re.test(t));
}

/** Free text matches a word prefix of the default searchable properties. */
function matchQuery(type: ObjectType, o: HsObject, query: string): boolean {
  const q = query.toLowerCase();
  return QUERY_PROPERTIES[type].some((name) => {
    const v = o.properties[name];
    return v
      ? v
          .toLowerCase()
          .split(/[^\p{L}\p{N}@.]+/u)
          .some((t) => t.startsWith(q)) || v.toLowerCase().startsWith(q)
      : false;
  });
}
