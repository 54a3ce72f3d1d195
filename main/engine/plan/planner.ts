/**
 * Planning: the decision for every account in scope, written to the run's journal a page at a time, so a plan of
 * 1,000,000 accounts runs in bounded memory (R2.5) and a dry run is simply a plan that is not executed.
 */
import type { Database } from 'better-sqlite3';
import { getSfAccount, sfAccountPage } from '../cache/salesforce-cache.js';
import { logDecisions } from '../log/op-log.js';
import { clearPending, pendingAccountPage } from '../refresh/pending.js';
import { appendOps, type PlannedOp } from '../runs/ops-store.js';
import { saveFieldBases, saveLink } from '../state/links.js';
import { clearRetry } from '../execute/retry-queue.js';
import type { PlanContext } from './context.js';
import { planAccount } from './plan-account.js';

const PAGE = 1000;

/** Which accounts a run plans for. */
export type PlanScope =
  | { kind: 'all' }
  /** Ids gathered during the refresh (an import narrowed by --where), in a temp table. */
  | { kind: 'ids'; table: string }
  /** What changed since the last sync (pending_changes). */
  | { kind: 'pending' };

export interface PlanOptions {
  runId: string;
  scope: PlanScope;
  /** An import may create companies for any unmatched account; a sync only for new or changed ones (R2.2/R2.3). */
  mayCreate: (account: { createdDate: string; id: string }) => boolean;
  dryRun: boolean;
  /**
   * A sync re-reads records in its overlap window and sees its own writes come back: "nothing to do" there is not
   * a decision anyone needs in the journal or the log, so those skips are left out.
   */
  quiet?: boolean;
  /** Accounts planned so far, of the accounts in scope. */
  onProgress?: (planned: number, total: number) => void;
}

const QUIET_REASONS = new Set(['UP_TO_DATE', 'NOT_CHANGED_SINCE_SWITCH_ON']);

function nextIds(db: Database, scope: PlanScope, afterId: string): string[] {
  if (scope.kind === 'pending') return pendingAccountPage(db, afterId, PAGE);
  if (scope.kind === 'ids') {
    return db
      .prepare(`SELECT id FROM ${scope.table} WHERE id > :afterId ORDER BY id LIMIT :limit`)
      .pluck()
      .all({ afterId, limit: PAGE }) as string[];
  }
  return sfAccountPage(db, afterId, PAGE).map((a) => a.id);
}

/**
 * Facts that are already true need no write: a link found in HubSpot's own salesforceaccountid and the values
 * both sides agree on are recorded at once (never in a dry run).
 */
export function recordAgreements(db: Database, ops: PlannedOp[], now: string): void {
  for (const op of ops) {
    if (op.operation !== 'skip' || !op.payload || !op.sfAccountId || !op.hsCompanyId) continue;
    const { bases, matchedBy } = op.payload as { bases: Record<string, string | null>; matchedBy: string | null };
    if (matchedBy === 'link')
      saveLink(db, { sfAccountId: op.sfAccountId, hsCompanyId: op.hsCompanyId, matchedBy: 'link', linkedAt: now });
    if (matchedBy === null || matchedBy === 'link') saveFieldBases(db, op.sfAccountId, bases, now);
    // Both sides already agree: a record waiting to be retried needs nothing more (R9.3).
    if (op.reason === 'UP_TO_DATE') {
      clearRetry(db, 'hubspot', op.sfAccountId);
      clearRetry(db, 'salesforce', op.sfAccountId);
    }
  }
}

/** How many accounts a plan will go through, so progress can say "1,200 / 2,000". */
function scopeSize(db: Database, scope: PlanScope): number {
  const sql =
    scope.kind === 'ids'
      ? `SELECT COUNT(*) FROM ${scope.table}`
      : scope.kind === 'pending'
        ? `SELECT COUNT(*) FROM (SELECT record_id FROM pending_changes WHERE side = 'sf'
             UNION SELECT l.sf_account_id FROM pending_changes p JOIN links l ON l.hs_company_id = p.record_id
             WHERE p.side = 'hs')`
        : 'SELECT COUNT(*) FROM sf_accounts';
  return db.prepare(sql).pluck().get() as number;
}

export function planRun(ctx: PlanContext, options: PlanOptions): number {
  const { db } = ctx;
  let afterId = '';
  let planned = 0;
  const total = options.onProgress ? scopeSize(db, options.scope) : 0;
  for (;;) {
    const ids = nextIds(db, options.scope, afterId);
    if (ids.length === 0) break;
    db.transaction(() => {
      const ops: PlannedOp[] = [];
      for (const id of ids) {
        const account = getSfAccount(db, id);
        if (account) ops.push(...planAccount(ctx, account, options.mayCreate(account)));
      }
      if (!options.dryRun) {
        recordAgreements(db, ops, new Date().toISOString());
        if (options.scope.kind === 'pending') clearPending(db, ids);
      }
      const journaled = options.quiet
        ? ops.filter((op) => !(op.operation === 'skip' && QUIET_REASONS.has(op.reason)))
        : ops;
      appendOps(db, options.runId, journaled);
      // A preview decides nothing; a real run's skips and holds are final now (R9.1).
      if (!options.dryRun) logDecisions(db, options.runId, journaled, new Date().toISOString());
    })();
    planned += ids.length;
    options.onProgress?.(planned, Math.max(total, planned));
    afterId = ids.at(-1) as string;
  }
  return planned;
}
