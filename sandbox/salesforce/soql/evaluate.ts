/**
 * Binds a parsed query to the org's schema (unknown objects/fields, literal types checked like the org does) and
 * runs it over the store. Scans are one pass over the Map; indexed lookups and the SystemModstamp order
 * (soql/access.ts) keep the engine's queries off full scans and sorts on a 1,000,000-account org.
 */
import { normalizeId } from '../ids.js';
import { type FieldDef, fieldValue, type ObjectDef, objectDefFor, valueKind } from '../schema.js';
import type { Row, SalesforceStore, SObjectName } from '../store.js';
import { candidateLookup, collectInStampOrder, stampRange } from './access.js';
import { SoqlError } from './errors.js';
import type { Condition, Literal, NameRef, SoqlQuery } from './parser.js';

export interface CompiledQuery {
  object: ObjectDef;
  count: boolean;
  fields: FieldDef[];
  run(store: SalesforceStore): Row[];
}

type Predicate = (row: Row) => boolean;

export function compileQuery(query: SoqlQuery, includeDeleted: boolean): CompiledQuery {
  const object = objectDefFor(query.object.name);
  if (!object) {
    throw new SoqlError(
      'INVALID_TYPE',
      `sObject type '${query.object.name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
      query.source,
      query.object.offset,
    );
  }
  const field = (ref: NameRef) => bindField(query.source, object, ref);
  const fields = query.fields.map(field);
  const where = query.where ? compileCondition(query.source, object, query.where) : () => true;
  const predicate: Predicate = includeDeleted ? where : (row) => row.IsDeleted !== true && where(row);
  const order = query.orderBy.map((item) => ({ ...item, field: field(item.field) }));
  const candidates = query.where ? candidateLookup(object, query.where) : undefined;
  // ORDER BY SystemModstamp [, ...]: walk the maintained order instead of filtering and sorting every row.
  const inStampOrder = order[0]?.field.name === 'SystemModstamp' ? order[0] : undefined;
  const skip = query.offset ?? 0;
  const take = query.limit ?? Number.POSITIVE_INFINITY;

  return {
    object,
    count: query.count,
    fields,
    run(store) {
      const type = object.name as SObjectName;
      if (!candidates && inStampOrder) {
        const rows = collectInStampOrder(
          store.modstampOrder(type).walk(stampRange(query.where), inStampOrder.descending),
          predicate,
          order.length > 1 ? (group) => sortRows(group, order) : undefined,
          skip + take,
        );
        return skip > 0 ? rows.slice(skip, skip + take) : rows;
      }
      const source = candidates?.(store) ?? store.rows(type);
      const earlyStop = order.length === 0 ? skip + take : Number.POSITIVE_INFINITY;
      let rows: Row[] = [];
      for (const row of source) {
        if (predicate(row)) rows.push(row);
        if (rows.length >= earlyStop) break;
      }
      if (order.length > 0) rows = sortRows(rows, order);
      return skip > 0 || take < rows.length ? rows.slice(skip, skip + take) : rows;
    },
  };
}

function bindField(source: string, object: ObjectDef, ref: NameRef): FieldDef {
  const field = object.fieldByLowerName.get(ref.name.toLowerCase());
  if (field) return field;
  const reason = ref.name.includes('.')
    ? `Didn't understand relationship '${ref.name.split('.')[0]}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
    : `No such column '${ref.name}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`;
  throw new SoqlError('INVALID_FIELD', reason, source, ref.offset);
}

/** The comparable form of a stored value: lower-case text (SOQL text comparison ignores case), numbers, ISO text. */
function key(field: FieldDef, value: unknown): unknown {
  return typeof value === 'string' && field.type !== 'datetime' ? value.toLowerCase() : value;
}

function literalKey(source: string, field: FieldDef, literal: Literal, offset: number): unknown {
  if (literal.kind === 'null') return null;
  const kind = valueKind(field.type);
  const matches =
    (kind === 'string' && literal.kind === 'string') ||
    (kind === 'datetime' && literal.kind === 'datetime') ||
    (kind === 'boolean' && literal.kind === 'boolean') ||
    (kind === 'number' && literal.kind === 'number');
  if (!matches) {
    const typeName = kind === 'datetime' ? 'dateTime' : kind === 'number' ? 'double' : kind;
    const quoting = kind === 'string' ? 'should be enclosed in quotes' : 'should not be enclosed in quotes';
    throw new SoqlError(
      'INVALID_FIELD',
      `value of filter criterion for field '${field.name}' must be of type ${typeName} and ${quoting}`,
      source,
      offset,
    );
  }
  if ((field.type === 'id' || field.type === 'reference') && literal.kind === 'string') {
    return (normalizeId(literal.value) ?? literal.value).toLowerCase();
  }
  // The tokenizer keeps `\_` and `\%` escaped for LIKE; outside LIKE they are the plain characters.
  return key(field, literal.kind === 'string' ? literal.value.replace(/\\([_%])/g, '$1') : literal.value);
}

function compileCondition(source: string, object: ObjectDef, condition: Condition): Predicate {
  switch (condition.type) {
    case 'and': {
      const items = condition.items.map((c) => compileCondition(source, object, c));
      return (row) => items.every((p) => p(row));
    }
    case 'or': {
      const items = condition.items.map((c) => compileCondition(source, object, c));
      return (row) => items.some((p) => p(row));
    }
    case 'not': {
      const item = compileCondition(source, object, condition.item);
      return (row) => !item(row);
    }
    case 'compare': {
      const field = bindField(source, object, condition.field);
      const wanted = literalKey(source, field, condition.value, condition.valueOffset);
      const read = (row: Row) => key(field, fieldValue(field, row));
      return comparator(condition.op, wanted, read, source, condition.valueOffset);
    }
    case 'in': {
      const field = bindField(source, object, condition.field);
      const set = new Set(condition.values.map((v) => literalKey(source, field, v, condition.valueOffset)));
      return (row) => set.has(key(field, fieldValue(field, row))) !== condition.negated;
    }
    case 'like': {
      const field = bindField(source, object, condition.field);
      if (valueKind(field.type) !== 'string') {
        throw new SoqlError(
          'INVALID_FIELD',
          `invalid operator on field '${field.name}'`,
          source,
          condition.field.offset,
        );
      }
      const regex = likeRegex(condition.pattern);
      return (row) => {
        const value = fieldValue(field, row);
        return typeof value === 'string' && regex.test(value);
      };
    }
  }
}

function comparator(
  op: string,
  wanted: unknown,
  read: (row: Row) => unknown,
  source: string,
  offset: number,
): Predicate {
  if (wanted === null) {
    if (op === '=') return (row) => read(row) === null;
    if (op === '!=') return (row) => read(row) !== null;
    throw new SoqlError('MALFORMED_QUERY', `invalid operator on null: ${op}`, source, offset);
  }
  const w = wanted as string | number | boolean;
  switch (op) {
    case '=':
      return (row) => read(row) === w;
    case '!=':
      return (row) => read(row) !== w;
    case '<':
      return (row) => compareDefined(read(row), (v) => v < w);
    case '>':
      return (row) => compareDefined(read(row), (v) => v > w);
    case '<=':
      return (row) => compareDefined(read(row), (v) => v <= w);
    default:
      return (row) => compareDefined(read(row), (v) => v >= w);
  }
}

/** Ordering comparisons never match a null field (SOQL semantics). */
function compareDefined(value: unknown, test: (v: string | number | boolean) => boolean): boolean {
  return value !== null && value !== undefined && test(value as string | number | boolean);
}

function likeRegex(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && i + 1 < pattern.length) out += escapeRegex(pattern[++i] as string);
    else if (c === '%') out += '.*';
    else if (c === '_') out += '.';
    else out += escapeRegex(c);
  }
  return new RegExp(`^${out}$`, 'is');
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function sortRows(rows: Row[], order: { field: FieldDef; descending: boolean; nullsLast: boolean }[]): Row[] {
  const decorated = rows.map((row) => ({ row, keys: order.map((o) => key(o.field, fieldValue(o.field, row))) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < order.length; i++) {
      const o = order[i] as (typeof order)[number];
      const x = a.keys[i];
      const y = b.keys[i];
      if (x === y) continue;
      if (x === null) return o.nullsLast ? 1 : -1;
      if (y === null) return o.nullsLast ? -1 : 1;
      const cmp = (x as string | number) < (y as string | number) ? -1 : 1;
      return o.descending ? -cmp : cmp;
    }
    return 0;
  });
  return decorated.map((d) => d.row);
}
