/**
 * The journaled ops of HubSpot → Salesforce account creation (architecture: "Idempotency"):
 * 1. `salesforce/create`: an upsert on the external-id field HubSpot_Company_Id__c, 200 per Collections call —
 *    replaying a `sent` one after a crash finds the account it made instead of making a second;
 * 2. on its confirmation, in the same transaction, the local link and a `hubspot/update` op that writes the new
 *    Account Id into the company's salesforceaccountid (R0.1) — its own op, so a crash between the two steps
 *    resumes at the write-back.
 */
import type { Database } from 'better-sqlite3';
import type { CachedHsCompany } from '../cache/hubspot-cache.js';
import { saveSfAccounts } from '../cache/salesforce-cache.js';
import type { OpExtension } from '../execute/executor.js';
import type { PlanContext } from '../plan/context.js';
import type { FieldProblem } from '../plan/field-diff.js';
import { LINK_PROPERTY } from '../plan/plan-account.js';
import { toSfId18 } from '../rules/ids.js';
import { appendOps, type OpRow, type PlannedOp } from '../runs/ops-store.js';
import { saveLink } from '../state/links.js';
import { accountRecordFor, HUBSPOT_ID_FIELD } from './account-record.js';

/** Why an account is created: an R3.2 criterion, or a person's resync (R5.1, which bypasses the criteria). */
export type CreateReason =
  | 'CREATE_AUTO_ASSOCIATED'
  | 'CREATE_PRIVATE_CONTACT'
  | 'CREATE_INCLUSION_LIST'
  | 'MANUAL_RESYNC';

export const LINK_WRITE_BACK = 'LINK_WRITE_BACK';

export function accountCreateOp(
  ctx: PlanContext,
  company: CachedHsCompany,
  reason: CreateReason,
  extraProblems: FieldProblem[] = [],
): PlannedOp {
  const record = accountRecordFor(ctx, company);
  const problems = [...record.problems, ...extraProblems];
  return {
    system: 'salesforce',
    operation: 'create',
    sfAccountId: null,
    hsCompanyId: company.id,
    payload: { fields: record.fields },
    diff: record.changes,
    reason,
    detail: problems.length > 0 ? JSON.stringify({ problems }) : null,
  };
}

/** The write-back of a link to HubSpot (R0.1); also planned again for a link whose write-back never happened. */
export function linkWriteBackOp(sfAccountId: string, hsCompanyId: string): PlannedOp {
  return {
    system: 'hubspot',
    operation: 'update',
    sfAccountId,
    hsCompanyId,
    payload: { properties: { [LINK_PROPERTY]: sfAccountId }, matchedBy: 'created' },
    diff: [{ field: LINK_PROPERTY, before: null, after: sfAccountId }],
    reason: LINK_WRITE_BACK,
  };
}

function setOpSfAccountId(db: Database, op: OpRow, sfAccountId: string): void {
  db.prepare('UPDATE run_ops SET sf_account_id = :sfAccountId WHERE run_id = :runId AND seq = :seq').run({
    sfAccountId,
    runId: op.runId,
    seq: op.seq,
  });
}

export const accountCreateExtension: OpExtension = {
  system: 'salesforce',
  operation: 'create',
  send: (remotes, batch) =>
    remotes.salesforce().upsert(
      'Account',
      HUBSPOT_ID_FIELD,
      batch.map((op) => ({ ...((op.payload?.fields as Record<string, unknown>) ?? {}) })),
    ),
  confirmed(db, op, result, at) {
    const sfAccountId = toSfId18(result.id);
    const hsCompanyId = op.hsCompanyId as string;
    const fields = (op.payload?.fields as Record<string, unknown>) ?? {};
    setOpSfAccountId(db, op, sfAccountId);
    // The mirror, so this laptop knows the account before its next read of Salesforce.
    saveSfAccounts(db, [{ ...fields, Id: sfAccountId, CreatedDate: at, SystemModstamp: at, IsDeleted: false }]);
    // Linked locally at once: neither direction may create a second record for this pair, even if the
    // write-back below never runs (the next cycle plans it again, see planLinkRepairs).
    saveLink(db, { sfAccountId, hsCompanyId, matchedBy: 'created', linkedAt: at });
    appendOps(db, op.runId, [linkWriteBackOp(sfAccountId, hsCompanyId)]);
  },
};

/** Links made by an account create whose write-back to HubSpot is missing (a run cancelled between the steps). */
export function linkRepairOps(db: Database): PlannedOp[] {
  const rows = db
    .prepare(
      `SELECT l.sf_account_id, l.hs_company_id FROM links l JOIN hs_companies c ON c.id = l.hs_company_id
       WHERE l.matched_by = 'created' AND c.sf_account_id IS NULL AND c.archived = 0`,
    )
    .all() as { sf_account_id: string; hs_company_id: string }[];
  return rows.map((r) => linkWriteBackOp(r.sf_account_id, r.hs_company_id));
}
