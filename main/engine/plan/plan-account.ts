/**
 * The decision for one Salesforce account in an SF → HS run: link or match it (R6), then create, update with the
 * field diff, skip with a reason, or hold with a reason. Pure apart from reading the cache.
 */
import {
  companiesByAccountContacts,
  companiesByDomain,
  companiesLinkedTo,
  getHsCompany,
} from '../cache/hubspot-cache.js';
import type { CachedSfAccount } from '../cache/salesforce-cache.js';
import { matchUnlinkedAccount } from '../rules/matching.js';
import type { PlannedOp } from '../runs/ops-store.js';
import { hold, skip } from './decisions.js';
import { fieldBases, linkForAccount, type MatchedBy } from '../state/links.js';
import type { PlanContext } from './context.js';
import { diffPair } from './field-diff.js';
import { createCompanyOp, freeCompanies, opsForPair } from './pair-ops.js';
import { planDeletedAccount } from './plan-deleted.js';
import { planChosenLink, planDecidedHold } from '../holds/plan-resolution.js';

export { LINK_PROPERTY } from './decisions.js';

export type AccountScope = 'import' | 'sync';

/**
 * `mayCreate`: whether an unmatched account may become a new company in this run — always in an import (R2.3a),
 * in a sync only when it is new since the switch or a mapped field changed (R2.2, R2.3b).
 */
export function planAccount(ctx: PlanContext, account: CachedSfAccount, mayCreate: boolean): PlannedOp[] {
  if (account.isDeleted) return planDeletedAccount(ctx, account);
  const link = linkForAccount(ctx.db, account.id);
  if (link) {
    const company = getHsCompany(ctx.db, link.hsCompanyId);
    if (!company || company.archived) return skip(account, 'LINKED_COMPANY_ARCHIVED', link.hsCompanyId);
    return opsForPair(
      account,
      company,
      diffPair(ctx, account, company, fieldBases(ctx.db, account.id)),
      'MAPPED_FIELDS_CHANGED',
      null,
    );
  }
  // R6.4 a person's decision on an earlier hold comes before matching (it is the person's pick, not a guess).
  const chosen = planChosenLink(ctx, account);
  if (chosen) return chosen;
  const domain =
    ctx.settings.matchByDomain && account.domain
      ? freeCompanies(ctx, account.id, companiesByDomain(ctx.db, account.domain))
      : null;
  const match = matchUnlinkedAccount({
    byLink: companiesLinkedTo(ctx.db, account.id),
    byContacts: freeCompanies(ctx, account.id, companiesByAccountContacts(ctx.db, account.id)),
    byDomain: domain,
  });
  switch (match.kind) {
    case 'ambiguous':
      return planDecidedHold(ctx, account, match) ?? hold(account, match.reason, match.candidates);
    case 'none': {
      if (!mayCreate) return skip(account, 'NOT_CHANGED_SINCE_SWITCH_ON');
      return [createCompanyOp(ctx, account, 'NEW_COMPANY')];
    }
    default: {
      const company = getHsCompany(ctx.db, match.companyId);
      if (!company) return skip(account, 'MATCHED_COMPANY_MISSING', match.companyId);
      const matchedBy: MatchedBy =
        match.kind === 'linked' ? 'link' : match.kind === 'matched_contacts' ? 'contacts' : 'domain';
      // A company already carrying the link but unknown to this laptop (R0.1: a second laptop) is linked as-is.
      return opsForPair(account, company, diffPair(ctx, account, company, new Map()), match.reason, matchedBy);
    }
  }
}
