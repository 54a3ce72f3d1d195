/**
 * The decision for one Salesforce account in an SF → HS run: link or match it (R6), then create, update with the
 * field diff, skip with a reason, or hold with a reason. Pure apart from reading the cache.
 */
import {
  type CachedHsCompany,
  companiesByAccountContacts,
  companiesByDomain,
  companiesLinkedTo,
  getHsCompany,
} from '../cache/hubspot-cache.js';
import type { CachedSfAccount } from '../cache/salesforce-cache.js';
import { matchUnlinkedAccount } from '../rules/matching.js';
import type { PlannedOp } from '../runs/ops-store.js';
import { hold, LINK_PROPERTY, skip } from './decisions.js';
import { fieldBases, linkForAccount, linkForCompany, type MatchedBy } from '../state/links.js';
import type { PlanContext } from './context.js';
import { diffPair, type FieldProblem, type PairDiff } from './field-diff.js';
import { planDeletedAccount } from './plan-deleted.js';

export { LINK_PROPERTY } from './decisions.js';

export type AccountScope = 'import' | 'sync';

/** Companies not yet linked to another account: a match may only take a free company (R0.3). */
const free = (ctx: PlanContext, accountId: string, ids: string[]) =>
  ids.filter((id) => {
    const owner = linkForCompany(ctx.db, id);
    const company = getHsCompany(ctx.db, id);
    return (owner === null || owner === accountId) && (company?.sfAccountId ?? accountId) === accountId;
  });

/** The field problems of one write (R7.7, R7.5), so each is reported once, on the write it belongs to. */
const problemsDetail = (diff: PairDiff, direction?: FieldProblem['direction']) => {
  const problems = direction ? diff.problems.filter((p) => p.direction === direction) : diff.problems;
  return problems.length ? JSON.stringify({ problems }) : null;
};

function opsForPair(
  account: CachedSfAccount,
  company: CachedHsCompany,
  diff: PairDiff,
  reason: string,
  matchedBy: MatchedBy | null,
): PlannedOp[] {
  const ops: PlannedOp[] = [];
  const properties = { ...diff.hs };
  // A match found by contacts or domain is made permanent by writing the link property (R0.1).
  if (matchedBy !== null && matchedBy !== 'link') properties[LINK_PROPERTY] = account.id;
  const hsWrites = Object.keys(properties).length > 0;
  const sfWrites = Object.keys(diff.sf).length > 0;
  // Each field problem is reported once: on the write of its direction, or on the only write there is.
  if (hsWrites) {
    ops.push({
      system: 'hubspot',
      operation: 'update',
      sfAccountId: account.id,
      hsCompanyId: company.id,
      payload: { properties, bases: diff.bases, matchedBy },
      diff: diff.hsChanges,
      reason,
      detail: problemsDetail(diff, sfWrites ? 'sf_to_hs' : undefined),
    });
  }
  if (sfWrites) {
    ops.push({
      system: 'salesforce',
      operation: 'update',
      sfAccountId: account.id,
      hsCompanyId: company.id,
      payload: { fields: diff.sf, bases: diff.bases, matchedBy },
      diff: diff.sfChanges,
      reason: 'HS_CHANGE_TO_SF',
      detail: problemsDetail(diff, hsWrites ? 'hs_to_sf' : undefined),
    });
  }
  if (ops.length === 0) {
    ops.push({
      system: 'hubspot',
      operation: 'skip',
      sfAccountId: account.id,
      hsCompanyId: company.id,
      payload: { bases: diff.bases, matchedBy },
      diff: [],
      reason: 'UP_TO_DATE',
      detail: problemsDetail(diff),
    });
  }
  return ops;
}

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
  const domain =
    ctx.settings.matchByDomain && account.domain
      ? free(ctx, account.id, companiesByDomain(ctx.db, account.domain))
      : null;
  const match = matchUnlinkedAccount({
    byLink: companiesLinkedTo(ctx.db, account.id),
    byContacts: free(ctx, account.id, companiesByAccountContacts(ctx.db, account.id)),
    byDomain: domain,
  });
  switch (match.kind) {
    case 'ambiguous':
      return hold(account, match.reason, match.candidates);
    case 'none': {
      if (!mayCreate) return skip(account, 'NOT_CHANGED_SINCE_SWITCH_ON');
      const diff = diffPair(ctx, account, null, new Map());
      return [
        {
          system: 'hubspot',
          operation: 'create',
          sfAccountId: account.id,
          hsCompanyId: null,
          payload: { properties: { ...diff.hs, [LINK_PROPERTY]: account.id }, bases: diff.bases, matchedBy: 'created' },
          diff: diff.hsChanges,
          reason: 'NEW_COMPANY',
          detail: problemsDetail(diff),
        },
      ];
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
