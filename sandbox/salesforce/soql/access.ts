/**
 * How a compiled query reaches its rows without touching all of them: `Id = / IN` fetch rows by id, an indexed
 * reference (`AccountId = / IN`) reads the index, and `ORDER BY SystemModstamp` walks the maintained stamp order
 * from the query's lower bound, stopping at LIMIT. The query's full predicate still runs on every row these
 * yield, so each path only has to return a superset of the matches.
 */
import { normalizeId } from '../ids.js';
import type { StampRange } from '../modstamp-order.js';
import type { ObjectDef } from '../schema.js';
import type { Row, SalesforceStore, SObjectName } from '../store.js';
import type { Condition } from './parser.js';

/** Rows to test instead of the whole table; undefined at run time = the store has no index for it, scan. */
export type RowSource = (store: SalesforceStore) => Iterable<Row> | undefined;

/** For `Id` / indexed reference `= 'x'` or `IN (...)` (alone or inside an AND): the rows those ids name. */
export function candidateLookup(object: ObjectDef, where: Condition): RowSource | undefined {
  if (where.type === 'and') {
    for (const item of where.items) {
      const found = candidateLookup(object, item);
      if (found) return found;
    }
    return undefined;
  }
  const values =
    where.type === 'compare' && where.op === '='
      ? [where.value]
      : where.type === 'in' && !where.negated
        ? where.values
        : undefined;
  if (!values || (where.type !== 'compare' && where.type !== 'in')) return undefined;
  const name = where.field.name.toLowerCase();
  const type = object.name as SObjectName;
  const strings = values.flatMap((v) => (v.kind === 'string' ? [v.value] : []));
  if (name === 'id') {
    return (store) => unique(strings.map((s) => store.get(type, normalizeId(s) ?? s)));
  }
  const field = object.fieldByLowerName.get(name);
  // `AccountId = null` matches rows the index does not hold: only all-string lists use it.
  if (field?.type !== 'reference' || strings.length !== values.length) return undefined;
  const keys = [...new Set(strings.map((s) => (normalizeId(s) ?? s).toLowerCase()))];
  return (store) => {
    const out: Row[] = [];
    for (const key of keys) {
      const rows = store.rowsWhere(type, field.name, key);
      if (!rows) return undefined;
      for (const row of rows) out.push(row);
    }
    return out;
  };
}

function unique(rows: (Row | undefined)[]): Row[] {
  const byId = new Map<string, Row>();
  for (const row of rows) if (row) byId.set(row.Id, row);
  return [...byId.values()];
}

/** The tightest SystemModstamp bounds among the top-level AND's comparisons with a datetime literal. */
export function stampRange(where: Condition | undefined): StampRange {
  const range: StampRange = {};
  const items = !where ? [] : where.type === 'and' ? where.items : [where];
  for (const c of items) {
    if (c.type !== 'compare' || c.field.name.toLowerCase() !== 'systemmodstamp' || c.value.kind !== 'datetime')
      continue;
    const stamp = c.value.value;
    const lower = c.op === '>' || c.op === '>=' || c.op === '=';
    const upper = c.op === '<' || c.op === '<=' || c.op === '=';
    const inclusive = c.op !== '>' && c.op !== '<';
    if (lower && (!range.from || stamp > range.from.stamp)) range.from = { stamp, inclusive };
    if (upper && (!range.to || stamp < range.to.stamp)) range.to = { stamp, inclusive };
  }
  return range;
}

/**
 * The first `limit` matching rows of a walk in stamp order. With further ORDER BY keys, rows sharing a stamp are
 * ordered by `sortGroup` before they count, so the cut at LIMIT falls where a full sort would put it.
 */
export function collectInStampOrder(
  rows: Iterable<Row>,
  matches: (row: Row) => boolean,
  sortGroup: ((group: Row[]) => Row[]) | undefined,
  limit: number,
): Row[] {
  const out: Row[] = [];
  let group: Row[] = [];
  let stamp: unknown;
  const flush = () => {
    for (const row of group.length > 1 && sortGroup ? sortGroup(group) : group) out.push(row);
    group = [];
  };
  for (const row of rows) {
    if (row.SystemModstamp !== stamp) {
      flush();
      if (out.length >= limit) break;
      stamp = row.SystemModstamp;
    }
    if (matches(row)) group.push(row);
  }
  flush();
  return out.length > limit ? out.slice(0, limit) : out;
}
