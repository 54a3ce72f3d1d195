/**
 * R6.4 planning a held account the way a person decided: a chosen candidate is linked (when it is still free),
 * "create new" creates, "skip" skips for good. A chosen company that was meanwhile linked to another account or
 * archived is held again with that reason, and nothing is written for the account.
 */
import { companiesLinkedTo, getHsCompany } from '../cache/hubspot-cache.js';
import type { CachedSfAccount } from '../cache/salesforce-cache.js';
import type { PlanContext } from '../plan/context.js';
import { hold, LINK_PROPERTY, skip } from '../plan/decisions.js';
import { diffPair } from '../plan/field-diff.js';
import { createCompanyOp, freeCompanies, opsForPair } from '../plan/pair-ops.js';
import type { MatchResult } from '../rules/matching.js';
import type { PlannedOp } from '../runs/ops-store.js';
import { linkForCompany } from '../state/links.js';
import { holdResolution } from './resolutions.js';

/** An unlinked account a person linked to a candidate: the link (before any matching), or null. */
export function planChosenLink(ctx: PlanContext, account: CachedSfAccount): PlannedOp[] | null {
  const resolution = holdResolution(ctx.db, account.id);
  if (resolution?.action !== 'link' || !resolution.hsCompanyId) return null;
  const chosen = resolution.hsCompanyId;
  const company = getHsCompany(ctx.db, chosen);
  if (!company || company.archived) {
    return hold(account, 'CHOSEN_COMPANY_GONE', [chosen], {
      message: `Company ${chosen}, chosen for this account, is archived or deleted in HubSpot; nothing was written. Choose another candidate or create a new company.`,
    });
  }
  if (freeCompanies(ctx, account.id, [chosen]).length === 0) {
    const takenBy = linkForCompany(ctx.db, chosen) ?? company.sfAccountId;
    return hold(account, 'CHOSEN_COMPANY_TAKEN', [chosen], {
      takenBy,
      message: `Company ${chosen} was linked to account ${takenBy} after it was chosen for this account; nothing was written. Choose another candidate or create a new company.`,
    });
  }
  // R0.3 a duplicate link is settled by clearing the account id on the companies that were not chosen; the chosen
  // one already carries it (writing it again would collide with the others while they still do: it is unique).
  const ops: PlannedOp[] = companiesLinkedTo(ctx.db, account.id)
    .filter((id) => id !== chosen)
    .map((other) => ({
      system: 'hubspot',
      operation: 'update',
      sfAccountId: account.id,
      hsCompanyId: other,
      payload: { properties: { [LINK_PROPERTY]: '' } },
      diff: [{ field: LINK_PROPERTY, before: account.id, after: null }],
      reason: 'DUPLICATE_LINK_CLEARED',
    }));
  const matchedBy = company.sfAccountId === account.id ? 'link' : 'manual';
  ops.push(...opsForPair(account, company, diffPair(ctx, account, company, new Map()), 'LINKED_BY_PERSON', matchedBy));
  return ops;
}

/** An ambiguous account a person said to create or skip: that decision, or null (hold it as usual). */
export function planDecidedHold(
  ctx: PlanContext,
  account: CachedSfAccount,
  match: Extract<MatchResult, { kind: 'ambiguous' }>,
): PlannedOp[] | null {
  const resolution = holdResolution(ctx.db, account.id);
  if (resolution?.action === 'skip')
    return skip(account, 'HOLD_SKIPPED_BY_PERSON', null, JSON.stringify({ candidates: match.candidates }));
  // Companies already carrying this account's id cannot be joined by a new one (the id is unique in HubSpot).
  if (resolution?.action === 'create' && match.step !== 'link')
    return [createCompanyOp(ctx, account, 'CREATED_BY_PERSON')];
  return null;
}
