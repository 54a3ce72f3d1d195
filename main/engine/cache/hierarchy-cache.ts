/**
 * The account hierarchy in the cache: a company's parent company (HubSpot's 13/14 associations), and the parent
 * account of a Salesforce account (its ParentId, kept with the account's other fields).
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../../db/statements.js';

/** Replaces what the cache knows of these companies' parents with what HubSpot answered (absent = no parent). */
export function saveCompanyParents(db: Database, companyIds: string[], parents: Map<string, string>): void {
  const clear = prepared(db, 'DELETE FROM hs_company_parents WHERE company_id = :companyId');
  db.transaction(() => {
    for (const companyId of companyIds) {
      clear.run({ companyId });
      const parentId = parents.get(companyId);
      if (parentId) setCompanyParent(db, companyId, parentId);
    }
  })();
}

export function setCompanyParent(db: Database, companyId: string, parentId: string | null): void {
  if (parentId === null) {
    prepared(db, 'DELETE FROM hs_company_parents WHERE company_id = :companyId').run({ companyId });
    return;
  }
  prepared(
    db,
    `INSERT INTO hs_company_parents (company_id, parent_id) VALUES (:companyId, :parentId)
     ON CONFLICT(company_id) DO UPDATE SET parent_id = excluded.parent_id`,
  ).run({ companyId, parentId });
}

export function companyParent(db: Database, companyId: string): string | null {
  return (
    (prepared(db, 'SELECT parent_id FROM hs_company_parents WHERE company_id = :companyId')
      .pluck()
      .get({ companyId }) as string | undefined) ?? null
  );
}
