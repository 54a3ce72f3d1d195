/**
 * The revert of a hierarchy write: the parent goes back to what it was before the run, if it is still what the run
 * set; a parent changed again since is held, never overwritten (as for any field). Not a hierarchy write: null.
 */
import { getSfAccount } from '../cache/salesforce-cache.js';
import { companyParent } from '../cache/hierarchy-cache.js';
import type { PlanContext } from '../plan/context.js';
import { toSfId18 } from '../rules/ids.js';
import type { FieldChange, OpRow, PlannedOp } from '../runs/ops-store.js';
import { held } from '../revert/revert-hold.js';
import { linkForCompany } from '../state/links.js';
import { PARENT_FIELD } from './plan-hierarchy.js';

interface HsHierarchy {
  parentCompany: string | null;
  previousCompany: string | null;
}
interface SfHierarchy {
  fields?: Record<string, unknown>;
  previousParent?: string | null;
}

const swapped = (diff: FieldChange[]): FieldChange[] =>
  diff.map((c) => ({ field: c.field, before: c.after, after: c.before }));

const changedSince = (op: OpRow, field: string): PlannedOp =>
  held(op, 'CHANGED_SINCE_RUN', `${field} changed again after run ${op.runId}; left as it is now, not overwritten.`);

export function revertHierarchyOp(ctx: PlanContext, op: OpRow): PlannedOp[] | null {
  const field = op.diff[0]?.field ?? 'Parent';
  const hs = (op.payload as { hierarchy?: HsHierarchy } | null)?.hierarchy;
  if (op.system === 'hubspot' && hs) {
    const company = op.hsCompanyId as string;
    if (companyParent(ctx.db, company) !== hs.parentCompany) return [changedSince(op, field)];
    const parent = hs.previousCompany === null ? null : linkForCompany(ctx.db, hs.previousCompany);
    const hierarchy = { parentCompany: hs.previousCompany, previousCompany: hs.parentCompany, parent };
    return [
      {
        ...ids(op),
        system: 'hubspot',
        operation: 'update',
        payload: { hierarchy },
        diff: swapped(op.diff),
        reason: 'REVERT',
      },
    ];
  }
  const sf = op.payload as SfHierarchy | null;
  if (op.system !== 'salesforce' || !sf || !sf.fields || !(PARENT_FIELD in sf.fields) || !('previousParent' in sf))
    return null;
  const account = op.sfAccountId ? getSfAccount(ctx.db, op.sfAccountId) : null;
  const now = account?.fields[PARENT_FIELD];
  const written = sf.fields[PARENT_FIELD];
  const same = (now ? toSfId18(String(now)) : null) === (written ? String(written) : null);
  if (!account || !same) return [changedSince(op, field)];
  const previous = sf.previousParent ?? null;
  return [
    {
      ...ids(op),
      system: 'salesforce',
      operation: 'update',
      payload: { fields: { [PARENT_FIELD]: previous }, bases: { [PARENT_FIELD]: previous }, previousParent: written },
      diff: swapped(op.diff),
      reason: 'REVERT',
    },
  ];
}

const ids = (op: OpRow) => ({ sfAccountId: op.sfAccountId, hsCompanyId: op.hsCompanyId });
