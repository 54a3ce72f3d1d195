/**
 * R7.6 / R2.5 the plan of an apply-mapping run: every linked pair, keyset-paged from SQLite (bounded memory at any
 * size, no cap), compared on the one mapped field by its sync rule (R7.3, R7.4), one journal row per decision.
 * Writes carry that field only, with its new agreed value (R7.4 base); values that cannot cross are reported per
 * record (R7.7) and never block the rest.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../../db/statements.js';
import type { ApplyDirection } from '../../../shared/contract/index.js';
import { getHsCompany } from '../cache/hubspot-cache.js';
import { getSfAccount } from '../cache/salesforce-cache.js';
import { logDecisions } from '../log/op-log.js';
import type { PlanContext } from '../plan/context.js';
import { diffPair, type PairDiff } from '../plan/field-diff.js';
import { opsForPair } from '../plan/pair-ops.js';
import { recordAgreements } from '../plan/planner.js';
import type { FieldMapping } from '../rules/mappings.js';
import { appendOps, type PlannedOp } from '../runs/ops-store.js';
import { fieldBases } from '../state/links.js';

export const APPLY_REASON = 'APPLY_MAPPING';
const PAGE = 1000;

interface LinkRow {
  sf_account_id: string;
  hs_company_id: string;
}

export const countLinks = (db: Database): number => prepared(db, 'SELECT COUNT(*) FROM links').pluck().get() as number;

const linkPage = (db: Database, afterId: string): LinkRow[] =>
  prepared(
    db,
    'SELECT sf_account_id, hs_company_id FROM links WHERE sf_account_id > :afterId ORDER BY sf_account_id LIMIT :limit',
  ).all({ afterId, limit: PAGE }) as LinkRow[];

/** A direction left out by the person: its writes and its problems are dropped, the other side's kept. */
function narrowed(diff: PairDiff, direction: ApplyDirection): PairDiff {
  if (direction === 'both') return diff;
  const keepHs = direction === 'to_hubspot';
  return {
    ...diff,
    hs: keepHs ? diff.hs : {},
    hsChanges: keepHs ? diff.hsChanges : [],
    sf: keepHs ? {} : diff.sf,
    sfChanges: keepHs ? [] : diff.sfChanges,
    // A base is only agreed when the value really lands on both sides.
    bases: (keepHs ? diff.sfChanges : diff.hsChanges).length > 0 ? {} : diff.bases,
    problems: diff.problems.filter((p) => p.direction === (keepHs ? 'sf_to_hs' : 'hs_to_sf')),
  };
}

const gone = (link: LinkRow, message: string): PlannedOp => ({
  system: 'hubspot',
  operation: 'skip',
  sfAccountId: link.sf_account_id,
  hsCompanyId: link.hs_company_id,
  payload: null,
  diff: [],
  reason: 'LINKED_RECORD_GONE',
  detail: JSON.stringify({ message }),
});

/** The decision for one linked pair on the mapped field. */
export function applyOpsForLink(ctx: PlanContext, link: LinkRow, direction: ApplyDirection): PlannedOp[] {
  const account = getSfAccount(ctx.db, link.sf_account_id);
  if (!account || account.isDeleted)
    return [gone(link, `Account ${link.sf_account_id} is deleted in Salesforce; its company was left as it is.`)];
  const company = getHsCompany(ctx.db, link.hs_company_id);
  if (!company || company.archived)
    return [gone(link, `Company ${link.hs_company_id} is archived in HubSpot; its account was left as it is.`)];
  const diff = narrowed(diffPair(ctx, account, company, fieldBases(ctx.db, account.id)), direction);
  // This one field agreeing says nothing of the record's other fields: its retries (R9.3) are left alone.
  return opsForPair(account, company, diff, APPLY_REASON, null).map((op) =>
    op.operation === 'skip' ? { ...op, reason: 'FIELD_UP_TO_DATE' } : op,
  );
}

export interface ApplyPlanOptions {
  runId: string;
  mapping: FieldMapping;
  direction: ApplyDirection;
  dryRun: boolean;
  onProgress?: (planned: number, total: number) => void;
}

/** Plans every linked pair; returns how many were planned. `ctx.mappings` is replaced by the one mapping. */
export function planApplyMapping(base: PlanContext, options: ApplyPlanOptions): number {
  const ctx: PlanContext = { ...base, mappings: [options.mapping] };
  const { db } = ctx;
  const total = countLinks(db);
  let afterId = '';
  let planned = 0;
  for (;;) {
    const links = linkPage(db, afterId);
    if (links.length === 0) break;
    db.transaction(() => {
      const ops = links.flatMap((link) => applyOpsForLink(ctx, link, options.direction));
      const now = new Date().toISOString();
      // Values both sides already hold become the field's agreed value at once; a preview records nothing.
      if (!options.dryRun) recordAgreements(db, ops, now);
      appendOps(db, options.runId, ops);
      if (!options.dryRun) logDecisions(db, options.runId, ops, now);
    })();
    planned += links.length;
    options.onProgress?.(planned, Math.max(total, planned));
    afterId = links.at(-1)?.sf_account_id as string;
  }
  return planned;
}
