/**
 * The one SOQL shape the sync reads with (R2.4): chosen fields plus Id and SystemModstamp, modified at or after a
 * cursor, in SystemModstamp order so a resumed read continues from the last stamp it saw.
 */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export function soqlIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a Salesforce field or object name: "${name}"`);
  return name;
}

/** A SOQL datetime literal (unquoted, UTC, whole seconds; rounding down only widens an at-or-after read). */
export function soqlDateTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new Error(`Not a date-time: "${iso}"`);
  return new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export interface ReadSpec {
  sobject: string;
  fields: string[];
  since?: string | null;
  /** A trusted SOQL condition from the engine (never user text). */
  where?: string;
}

function conditions(spec: ReadSpec): string {
  const parts: string[] = [];
  if (spec.since) parts.push(`SystemModstamp >= ${soqlDateTime(spec.since)}`);
  if (spec.where) parts.push(`(${spec.where})`);
  return parts.length > 0 ? ` WHERE ${parts.join(' AND ')}` : '';
}

export function selectSoql(spec: ReadSpec): string {
  const fields = [...new Set(['Id', 'SystemModstamp', ...spec.fields.map(soqlIdentifier)])];
  return `SELECT ${fields.join(', ')} FROM ${soqlIdentifier(spec.sobject)}${conditions(spec)} ORDER BY SystemModstamp ASC, Id ASC`;
}

export function countSoql(spec: ReadSpec): string {
  return `SELECT COUNT() FROM ${soqlIdentifier(spec.sobject)}${conditions(spec)}`;
}
