/**
 * The writes of one account ↔ company pair (a link or a match) and of a new company: shared by the plan of an
 * account (plan-account.ts) and by the decisions a person took on a held account (engine/holds/).
 */
import { type CachedHsCompany, getHsCompany } from '../cache/hubspot-cache.js';
import type { CachedSfAccount } from '../cache/salesforce-cache.js';
import type { PlannedOp } from '../runs/ops-store.js';
import { linkForCompany, type MatchedBy } from '../state/links.js';
import type { PlanContext } from './context.js';
import { LINK_PROPERTY } from './decisions.js';
import { diffPair, type FieldProblem, type PairDiff } from './field-diff.js';

/** Companies not yet linked to another account: a match may only take a free company (R0.3). */
export const freeCompanies = (ctx: PlanContext, accountId: string, ids: string[]): string[] =>
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

export function opsForPair(
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

/** A new company for an account (an upsert on the link property, so a replay cannot duplicate it). */
export function createCompanyOp(ctx: PlanContext, account: CachedSfAccount, reason: string): PlannedOp {
  const diff = diffPair(ctx, account, null, new Map());
  return {
    system: 'hubspot',
    operation: 'create',
    sfAccountId: account.id,
    hsCompanyId: null,
    payload: { properties: { ...diff.hs, [LINK_PROPERTY]: account.id }, bases: diff.bases, matchedBy: 'created' },
    diff: diff.hsChanges,
    reason,
    detail: problemsDetail(diff),
  };
}
