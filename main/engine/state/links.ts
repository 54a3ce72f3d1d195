/**
 * Links (one SF account ↔ one HS company, R0.3) and the last value each mapped field agreed on (the base of the
 * three-way merge, R7.4). The link itself lives in HubSpot's salesforceaccountid (R0.1); this table mirrors it.
 */
import { prepared } from '../../db/statements.js';
import type { Database } from 'better-sqlite3';

export type MatchedBy = 'link' | 'contacts' | 'domain' | 'created' | 'manual';

export interface Link {
  sfAccountId: string;
  hsCompanyId: string;
  matchedBy: MatchedBy;
  linkedAt: string;
}

export function linkForAccount(db: Database, sfAccountId: string): Link | null {
  const row = prepared(
    db,
    'SELECT sf_account_id, hs_company_id, matched_by, linked_at FROM links WHERE sf_account_id = :sfAccountId',
  ).get({ sfAccountId }) as
    | { sf_account_id: string; hs_company_id: string; matched_by: MatchedBy; linked_at: string }
    | undefined;
  return row
    ? {
        sfAccountId: row.sf_account_id,
        hsCompanyId: row.hs_company_id,
        matchedBy: row.matched_by,
        linkedAt: row.linked_at,
      }
    : null;
}

export function linkForCompany(db: Database, hsCompanyId: string): string | null {
  return (
    (prepared(db, 'SELECT sf_account_id FROM links WHERE hs_company_id = :hsCompanyId').pluck().get({ hsCompanyId }) as
      | string
      | undefined) ?? null
  );
}

/** Records a link; a company already linked to another account is not re-pointed (R0.3): returns false. */
export function saveLink(db: Database, link: Link): boolean {
  const other = linkForCompany(db, link.hsCompanyId);
  if (other !== null && other !== link.sfAccountId) return false;
  prepared(
    db,
    `INSERT INTO links (sf_account_id, hs_company_id, matched_by, linked_at)
     VALUES (:sfAccountId, :hsCompanyId, :matchedBy, :linkedAt)
     ON CONFLICT(sf_account_id) DO UPDATE SET hs_company_id = excluded.hs_company_id,
       matched_by = excluded.matched_by, linked_at = excluded.linked_at`,
  ).run(link);
  return true;
}

export function removeLink(db: Database, sfAccountId: string): void {
  prepared(db, 'DELETE FROM links WHERE sf_account_id = :sfAccountId').run({ sfAccountId });
}

export function clearFieldBases(db: Database, sfAccountId: string): void {
  prepared(db, 'DELETE FROM field_state WHERE sf_account_id = :sfAccountId').run({ sfAccountId });
}

export function fieldBases(db: Database, sfAccountId: string): Map<string, string | null> {
  const rows = prepared(db, 'SELECT sf_field, value FROM field_state WHERE sf_account_id = :sfAccountId').all({
    sfAccountId,
  }) as { sf_field: string; value: string | null }[];
  return new Map(rows.map((r) => [r.sf_field, r.value === null ? null : (JSON.parse(r.value) as string | null)]));
}

export function saveFieldBases(
  db: Database,
  sfAccountId: string,
  values: Record<string, string | null>,
  at: string,
): void {
  const stmt = prepared(
    db,
    `INSERT INTO field_state (sf_account_id, sf_field, value, synced_at)
    VALUES (:sfAccountId, :sfField, :value, :at)
    ON CONFLICT(sf_account_id, sf_field) DO UPDATE SET value = excluded.value, synced_at = excluded.synced_at`,
  );
  for (const [sfField, value] of Object.entries(values))
    stmt.run({ sfAccountId, sfField, value: JSON.stringify(value), at });
}
