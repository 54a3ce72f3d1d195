/**
 * R10 an account deleted in Salesforce. Deleted alone (R10.1): the company stays, its link is cleared — in HubSpot's
 * salesforceaccountid too, since that is where the link lives (R0.1) — or, with archiveCompanyOnAccountDelete, the
 * company is archived. Merged away (R10.2, MasterRecordId set): the surviving account keeps its link and the
 * merged-away account's company is held for review as a duplicate, never left a silent orphan.
 */
import { companiesLinkedTo, getHsCompany } from '../cache/hubspot-cache.js';
import type { CachedSfAccount } from '../cache/salesforce-cache.js';
import type { PlannedOp } from '../runs/ops-store.js';
import { linkForAccount } from '../state/links.js';
import type { PlanContext } from './context.js';
import { hold, LINK_PROPERTY, skip } from './decisions.js';

/** Live companies linked to an account, locally or by their salesforceaccountid (a second laptop knows only those). */
function linkedCompanies(ctx: PlanContext, accountId: string): string[] {
  const local = linkForAccount(ctx.db, accountId)?.hsCompanyId;
  const ids = new Set([...(local ? [local] : []), ...companiesLinkedTo(ctx.db, accountId)]);
  return [...ids].filter((id) => {
    const company = getHsCompany(ctx.db, id);
    return company !== null && !company.archived;
  });
}

export function planDeletedAccount(ctx: PlanContext, account: CachedSfAccount): PlannedOp[] {
  const companies = linkedCompanies(ctx, account.id);
  if (companies.length === 0) return skip(account, 'ACCOUNT_DELETED');
  if (account.masterRecordId) {
    const survivor = linkedCompanies(ctx, account.masterRecordId);
    return hold(account, 'MERGED_ACCOUNT_DUPLICATE', [...survivor, ...companies], {
      masterRecordId: account.masterRecordId,
      survivingCompanies: survivor,
      mergedAwayCompanies: companies,
    });
  }
  const archive = ctx.settings.archiveCompanyOnAccountDelete;
  return companies.map((hsCompanyId) => ({
    system: 'hubspot',
    operation: 'update',
    sfAccountId: account.id,
    hsCompanyId,
    payload: archive ? { archive: true, unlink: true } : { properties: { [LINK_PROPERTY]: null }, unlink: true },
    diff: archive ? [] : [{ field: LINK_PROPERTY, before: account.id, after: null }],
    reason: archive ? 'ACCOUNT_DELETED_ARCHIVE_COMPANY' : 'ACCOUNT_DELETED_CLEAR_LINK',
  }));
}
