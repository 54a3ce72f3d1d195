/** How records look on the wire: `attributes`, datetimes as `2026-01-02T03:04:05.000+0000`, fields in order. */
import type { FieldDef, ObjectDef } from './schema.js';
import { fieldValue } from './schema.js';
import type { Row } from './store.js';

export const sfDateTime = (iso: string): string => `${iso.slice(0, 23)}+0000`;

export function wireValue(field: FieldDef, row: Row): unknown {
  const value = fieldValue(field, row);
  return field.type === 'datetime' && typeof value === 'string' ? sfDateTime(value) : value;
}

export function recordUrl(version: string, type: string, id: string): string {
  return `/services/data/${version}/sobjects/${type}/${id}`;
}

/** Serializes one row with the given fields (all fields when omitted). */
export function toWire(object: ObjectDef, row: Row, version: string, fields: FieldDef[] = object.fields) {
  const out: Record<string, unknown> = {
    attributes: { type: object.name, url: recordUrl(version, object.name, row.Id) },
  };
  for (const field of fields) out[field.name] = wireValue(field, row);
  return out;
}

/** `?fields=A,B` (or a `fields` array): unknown names are a 400 INVALID_FIELD, as on a real org. */
export function pickFields(object: ObjectDef, names: string[] | undefined): FieldDef[] | string {
  if (!names || names.length === 0) return object.fields;
  const picked: FieldDef[] = [];
  for (const name of names) {
    const field = object.fieldByLowerName.get(name.trim().toLowerCase());
    if (!field) return `No such column '${name.trim()}' on entity '${object.name}'`;
    picked.push(field);
  }
  return picked;
}
