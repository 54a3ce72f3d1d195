/**
 * R3 automatic account creation in a sync cycle (switch on): the companies that are new or whose contact
 * associations changed since the rules last saw them are decided with `decideAccountCreation` in 'automatic' mode;
 * qualifying ones become planned account creates, the rest logged skips with their reason (R9.1). A company whose
 * create has not completed (its evaluation still says CREATE_*) is planned again, after its retry back-off (R9.3).
 */
import type { Database } from 'better-sqlite3';
import { getHsCompany } from '../cache/hubspot-cache.js';
import { getMeta, setMeta } from '../../db/meta.js';
import { logDecisions } from '../log/op-log.js';
import type { PlanContext } from '../plan/context.js';
import type { FieldProblem } from '../plan/field-diff.js';
import { decideAccountCreation } from '../rules/account-creation.js';
import { appendOps, type PlannedOp } from '../runs/ops-store.js';
import { autoCreatedRule } from './auto-created.js';
import { type CompanyFacts, companyFactsPages } from './company-facts.js';
import { accountCreateOp, type CreateReason, linkRepairOps } from './creation-ops.js';
import {
  baselineAt,
  clearBaseline,
  contactsSignature,
  getEvaluation,
  markBaseline,
  saveEvaluation,
} from './evaluations.js';
import { withOverlap } from '../cache/cursors.js';

const CURSOR_KEY = 'hsToSf.companiesCursor';
const PAGE = 1000;

const signatureOf = (c: CompanyFacts) =>
  contactsSignature([...c.contacts.map((contact) => contact.id), ...c.unreadableContactIds]);

/** The first cycle with the switch on: every company is seen, none evaluated (no back-fill, as R1.3). */
function baseline(ctx: PlanContext, enabledAt: string, now: string): void {
  const { db } = ctx;
  clearBaseline(db);
  for (const page of companyFactsPages(db, { rule: autoCreatedRule(ctx.settings), inclusionListId: null })) {
    db.transaction(() => {
      // Created after the switch went on: new, so left without a row to be evaluated in this very cycle.
      for (const c of page) if (c.createdAt < enabledAt) saveEvaluation(db, c.id, signatureOf(c), null, now);
    })();
  }
  markBaseline(db, now);
}

function candidatePage(db: Database, since: string, now: string, afterId: string): string[] {
  return db
    .prepare(
      `SELECT c.id FROM hs_companies c LEFT JOIN hs_company_evaluations e ON e.company_id = c.id
       WHERE c.id > :afterId AND c.archived = 0 AND c.sf_account_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM links l WHERE l.hs_company_id = c.id)
         AND (e.company_id IS NULL OR c.updated_at >= :since OR e.reason LIKE 'CREATE\\_%' ESCAPE '\\')
         AND NOT EXISTS (SELECT 1 FROM retry_queue r WHERE r.system = 'salesforce' AND r.record_id = c.id
           AND r.next_attempt_at > :now)
       ORDER BY c.id LIMIT :limit`,
    )
    .pluck()
    .all({ afterId, since, now, limit: PAGE }) as string[];
}

function unreadableProblem(c: CompanyFacts): FieldProblem[] {
  if (c.unreadableContactIds.length === 0) return [];
  return [
    {
      direction: 'hs_to_sf',
      field: 'contacts',
      category: 'ASSOCIATIONS',
      code: 'CONTACTS_UNREADABLE',
      message: `Associated contacts ${c.unreadableContactIds.join(', ')} could not be read (archived or no permission); decided without them.`,
    },
  ];
}

function decide(ctx: PlanContext, c: CompanyFacts): PlannedOp | null {
  const { reason, decision } = decideAccountCreation({
    company: c,
    contacts: c.contacts,
    settings: ctx.settings,
    mode: 'automatic',
  });
  if (decision === 'create') {
    const company = getHsCompany(ctx.db, c.id);
    return company ? accountCreateOp(ctx, company, reason as CreateReason, unreadableProblem(c)) : null;
  }
  const problems = unreadableProblem(c);
  return {
    system: 'salesforce',
    operation: 'skip',
    sfAccountId: c.linkedAccountId,
    hsCompanyId: c.id,
    payload: { contactIds: c.contacts.map((contact) => contact.id) },
    diff: [],
    reason,
    detail: problems.length > 0 ? JSON.stringify({ problems }) : null,
  };
}

export interface CreationPlanOptions {
  runId: string;
  dryRun: boolean;
  /** When the switch went on (R2.2's moment, reused for R3). */
  enabledAt: string;
}

/** Plans the creates of one sync cycle; answers how many companies were evaluated. */
export function planAccountCreations(ctx: PlanContext, options: CreationPlanOptions): number {
  const { db } = ctx;
  const now = new Date().toISOString();
  if (options.dryRun && baselineAt(db) === null) return 0; // a preview writes nothing, not even the baseline
  const fresh = baselineAt(db);
  if (!options.dryRun && (fresh === null || fresh < options.enabledAt)) baseline(ctx, options.enabledAt, now);
  const since = withOverlap(getMeta(db, CURSOR_KEY)) ?? now;
  const newest = db.prepare('SELECT MAX(updated_at) FROM hs_companies').pluck().get() as string | null;
  let evaluated = 0;
  let afterId = '';
  for (;;) {
    const ids = candidatePage(db, since, now, afterId);
    if (ids.length === 0) break;
    const facts = [
      ...companyFactsPages(db, {
        rule: autoCreatedRule(ctx.settings),
        inclusionListId: ctx.settings.inclusionListId,
        filter: { companyIds: ids },
      }),
    ].flat();
    db.transaction(() => {
      const ops: PlannedOp[] = [];
      for (const c of facts) {
        const signature = signatureOf(c);
        const known = getEvaluation(db, c.id);
        const due = known === null || known.signature !== signature || known.reason?.startsWith('CREATE_');
        if (!due) continue; // modified, but not in a way R3 reacts to
        const op = decide(ctx, c);
        if (!op) continue;
        ops.push(op);
        if (!options.dryRun) saveEvaluation(db, c.id, signature, op.reason, now);
      }
      appendOps(db, options.runId, ops);
      if (!options.dryRun) logDecisions(db, options.runId, ops, now);
      evaluated += ops.length;
    })();
    afterId = ids.at(-1) as string;
  }
  if (!options.dryRun) {
    db.transaction(() => appendOps(db, options.runId, linkRepairOps(db)))();
    if (newest) setMeta(db, CURSOR_KEY, newest);
  }
  return evaluated;
}
