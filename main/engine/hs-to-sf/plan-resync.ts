/**
 * R5.1 the manual resync of companies: an unlinked company gets its account now, whatever R3 would say (the manual
 * path bypasses the criteria); a linked one is pushed and pulled by the SF → HS planner through its account id.
 */
import type { Database } from 'better-sqlite3';
import { getHsCompany } from '../cache/hubspot-cache.js';
import { logDecisions } from '../log/op-log.js';
import type { PlanContext } from '../plan/context.js';
import { appendOps, type PlannedOp } from '../runs/ops-store.js';
import { linkForCompany } from '../state/links.js';
import { accountCreateOp } from './creation-ops.js';

/** The account a company is linked to, by HubSpot's salesforceaccountid or this laptop's link. */
export function linkedAccountOf(db: Database, companyId: string): string | null {
  return getHsCompany(db, companyId)?.sfAccountId ?? linkForCompany(db, companyId);
}

const skip = (hsCompanyId: string, reason: string, detail: string): PlannedOp => ({
  system: 'salesforce',
  operation: 'skip',
  sfAccountId: null,
  hsCompanyId,
  payload: null,
  diff: [],
  reason,
  detail,
});

export function planCompanyResync(
  ctx: PlanContext,
  runId: string,
  companyIds: readonly string[],
  dryRun: boolean,
): void {
  const { db } = ctx;
  const ops: PlannedOp[] = [];
  for (const id of new Set(companyIds)) {
    const company = getHsCompany(db, id);
    if (!company) ops.push(skip(id, 'COMPANY_NOT_FOUND', `HubSpot has no company ${id} (or it is not readable).`));
    else if (company.archived) ops.push(skip(id, 'COMPANY_DELETED_IN_HS', `HubSpot company ${id} is deleted.`));
    else if (linkedAccountOf(db, id) === null) ops.push(accountCreateOp(ctx, company, 'MANUAL_RESYNC'));
  }
  db.transaction(() => {
    appendOps(db, runId, ops);
    if (!dryRun) logDecisions(db, runId, ops, new Date().toISOString());
  })();
}
