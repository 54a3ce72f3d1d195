/**
 * R10.1 a company deleted (archived) in HubSpot does not delete its Salesforce account. The account keeps its side
 * of the link (HubSpot_Company_Id__c is left as it is, for the record), nothing is written, and the event is logged
 * once for a person to review (the account may need a new company, or the deletion was a mistake to undo).
 */
import type { Database } from 'better-sqlite3';
import { appendLog } from '../log/log-store.js';
import { saveEvaluation } from './evaluations.js';

export const COMPANY_DELETED_IN_HS = 'COMPANY_DELETED_IN_HS';

/** Logs each newly seen deletion of a linked company; answers how many. */
export function reportDeletedCompanies(
  db: Database,
  runId: string | null,
  now: string = new Date().toISOString(),
): number {
  const rows = db
    .prepare(
      `SELECT c.id, l.sf_account_id FROM hs_companies c JOIN links l ON l.hs_company_id = c.id
       LEFT JOIN hs_company_evaluations e ON e.company_id = c.id
       WHERE c.archived = 1 AND (e.reason IS NULL OR e.reason <> :reason)`,
    )
    .all({ reason: COMPANY_DELETED_IN_HS }) as { id: string; sf_account_id: string }[];
  db.transaction(() => {
    for (const row of rows) {
      appendLog(db, [
        {
          runId,
          at: now,
          direction: 'hs_to_sf',
          sfAccountId: row.sf_account_id,
          hsCompanyId: row.id,
          operation: 'review',
          reason: COMPANY_DELETED_IN_HS,
          before: null,
          after: null,
          outcome: 'held',
          category: null,
          message: `HubSpot company ${row.id} was deleted; Salesforce account ${row.sf_account_id} is kept, with its link, for review.`,
        },
      ]);
      saveEvaluation(db, row.id, '', COMPANY_DELETED_IN_HS, now);
    }
  })();
  return rows.length;
}
