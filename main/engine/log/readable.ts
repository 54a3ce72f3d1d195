/**
 * Op details are JSON in the journal (`{candidates}` of a hold, `{problems}` of field problems); a person reads
 * them as text: candidate companies by name, each problem as "field: why".
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../../db/statements.js';

interface Detail {
  /** A sentence of its own (a hierarchy problem, a revert's reason). */
  message?: string;
  candidates?: unknown[];
  problems?: { field?: string; message?: string }[];
}

function parse(detail: string): Detail | null {
  if (!detail.startsWith('{')) return null;
  try {
    const parsed = JSON.parse(detail) as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as Detail) : null;
  } catch {
    return null; // plain text that happens to start with a brace
  }
}

export const companyLabel = (db: Database, id: string): string => {
  const name = prepared(db, 'SELECT name AS company_label FROM hs_companies WHERE id = :id').pluck().get({ id }) as
    | string
    | null
    | undefined;
  return name ? `${name} (${id})` : `company ${id}`;
};

/** Each line of a detail as text; a detail that is not JSON is one line as it is. */
export function readableDetailLines(db: Database, detail: string | null): string[] {
  if (!detail) return [];
  const parsed = parse(detail);
  if (!parsed) return [detail];
  const lines: string[] = [];
  if (typeof parsed.message === 'string') lines.push(parsed.message);
  if (parsed.candidates?.length)
    lines.push(`Could be: ${parsed.candidates.map((id) => companyLabel(db, String(id))).join(', ')}`);
  for (const p of parsed.problems ?? []) lines.push(`${p.field ?? 'a field'}: ${p.message ?? ''}`.trim());
  return lines;
}

export const readableDetail = (db: Database, detail: string | null): string | null =>
  readableDetailLines(db, detail).join('; ') || null;
