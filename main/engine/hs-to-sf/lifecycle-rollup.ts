/**
 * R4.1 lifecycle roll-up in a sync cycle: companies associated with contacts that changed since the last cycle move
 * to their contacts' furthest stage, never backwards (rules/lifecycle.ts), as journaled HubSpot updates logged like
 * any other write. R4.2 the new stage reaches the SF account through the mappings (R7) only if `lifecyclestage` is
 * mapped: the SF → HS planner sees the changed company in the next cycle and applies the mapping's rule.
 */
import type { Database } from 'better-sqlite3';
import { getMeta, setMeta } from '../../db/meta.js';
import { withOverlap } from '../cache/cursors.js';
import type { PlanContext } from '../plan/context.js';
import { nextCompanyLifecycleStage } from '../rules/lifecycle.js';
import { appendOps, type PlannedOp } from '../runs/ops-store.js';

const CURSOR_KEY = 'hsToSf.contactsCursor';
const PAGE = 1000;
export const LIFECYCLE_ROLLUP = 'LIFECYCLE_ROLLUP';

interface CompanyStage {
  id: string;
  lifecyclestage: string | null;
  linked: string | null;
}

function companiesOfChangedContacts(db: Database, since: string, afterId: string): CompanyStage[] {
  return db
    .prepare(
      `SELECT c.id, c.lifecyclestage,
         COALESCE(c.sf_account_id, (SELECT l.sf_account_id FROM links l WHERE l.hs_company_id = c.id)) AS linked
       FROM hs_companies c
       WHERE c.id IN (SELECT a.company_id FROM hs_contacts hc JOIN hs_associations a ON a.contact_id = hc.id
                      WHERE hc.updated_at >= :since)
         AND c.archived = 0 AND c.id > :afterId
       ORDER BY c.id LIMIT :limit`,
    )
    .all({ since, afterId, limit: PAGE }) as CompanyStage[];
}

const contactStages = (db: Database, companyId: string): (string | null)[] =>
  db
    .prepare(
      `SELECT hc.lifecyclestage FROM hs_associations a JOIN hs_contacts hc ON hc.id = a.contact_id AND hc.archived = 0
       WHERE a.company_id = :companyId`,
    )
    .pluck()
    .all({ companyId }) as (string | null)[];

/**
 * A company already written to HubSpot in this run (an SF → HS update) takes the stage in that same op: two updates
 * of one company in one batch call would be refused by HubSpot.
 */
function mergeIntoPlannedUpdate(db: Database, runId: string, op: PlannedOp, stage: string): boolean {
  const merged = db
    .prepare(
      `UPDATE run_ops SET payload = json_set(payload, '$.properties.lifecyclestage', :stage),
         diff = json_insert(diff, '$.changes[#]', json(:change))
       WHERE run_id = :runId AND hs_company_id = :companyId AND system = 'hubspot' AND operation = 'update'
         AND state = 'planned'`,
    )
    .run({ runId, companyId: op.hsCompanyId, stage, change: JSON.stringify(op.diff[0]) });
  return merged.changes > 0;
}

/** Plans the roll-ups of one cycle; answers how many companies move. The first call only sets the baseline. */
export function planLifecycleRollups(ctx: PlanContext, options: { runId: string; dryRun: boolean }): number {
  const { db } = ctx;
  const cursor = getMeta(db, CURSOR_KEY);
  const newest = db.prepare('SELECT MAX(updated_at) FROM hs_contacts').pluck().get() as string | null;
  if (cursor === null) {
    // Turning sync on does not back-fill (as R1.3): stages move on contact changes from now on.
    if (!options.dryRun && newest) setMeta(db, CURSOR_KEY, newest);
    return 0;
  }
  const since = withOverlap(cursor) ?? cursor;
  let moved = 0;
  let afterId = '';
  for (;;) {
    const page = companiesOfChangedContacts(db, since, afterId);
    if (page.length === 0) break;
    db.transaction(() => {
      const ops: PlannedOp[] = [];
      for (const company of page) {
        const next = nextCompanyLifecycleStage(company.lifecyclestage, contactStages(db, company.id));
        if (next === null) continue;
        const op: PlannedOp = {
          system: 'hubspot',
          operation: 'update',
          sfAccountId: company.linked,
          hsCompanyId: company.id,
          payload: { properties: { lifecyclestage: next } },
          diff: [{ field: 'lifecyclestage', before: company.lifecyclestage, after: next }],
          reason: LIFECYCLE_ROLLUP,
        };
        if (!mergeIntoPlannedUpdate(db, options.runId, op, next)) ops.push(op);
        moved++;
      }
      appendOps(db, options.runId, ops);
    })();
    afterId = page.at(-1)?.id as string;
  }
  if (!options.dryRun && newest) setMeta(db, CURSOR_KEY, newest);
  return moved;
}
