/**
 * R9.5 the revert of one confirmed write, from the before-values its journal kept: every field still holding the
 * value the run wrote goes back to its before-value; a field changed again since is held as a conflict and never
 * overwritten; a record gone since is held with that reason. Created records are archived (HubSpot) or deleted
 * (Salesforce) only when the person asked for it.
 */
import { getHsCompany } from '../cache/hubspot-cache.js';
import { getSfAccount } from '../cache/salesforce-cache.js';
import type { PlanContext } from '../plan/context.js';
import { LINK_WRITE_BACK } from '../hs-to-sf/creation-ops.js';
import { LINK_PROPERTY } from '../plan/decisions.js';
import type { FieldChange, OpRow, PlannedOp } from '../runs/ops-store.js';
import { revertHierarchyOp } from '../hierarchy/revert.js';
import { held } from './revert-hold.js';

export interface RevertOptions {
  /** Archive companies / delete accounts the run created. */
  deleteCreated: boolean;
}

type Value = FieldChange['before'];

/** Both systems write text; a blank and a missing value are the same value. */
const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const sameValue = (a: unknown, b: unknown) => text(a) === text(b);

/** Matches that the run made (not a link HubSpot already carried) are undone with the fields. */
const MADE_LINKS = new Set(['contacts', 'domain', 'manual']);

const kept = (op: OpRow, reason: string, message: string): PlannedOp => ({
  system: op.system,
  operation: 'skip',
  sfAccountId: op.sfAccountId,
  hsCompanyId: op.hsCompanyId,
  payload: null,
  diff: [],
  reason,
  detail: JSON.stringify({ message }),
});

/** A write of the revert, on the record the reverted op wrote. */
const write = (
  op: OpRow,
  ids: Pick<PlannedOp, 'sfAccountId' | 'hsCompanyId'>,
  payload: Record<string, unknown>,
  diff: FieldChange[],
  reason: string,
): PlannedOp => ({ system: op.system, operation: 'update', ...ids, payload, diff, reason });

/** A record the reverted run created: kept, unless the person asked to remove what the run created. */
function revertCreated(
  op: OpRow,
  record: string,
  ids: Pick<PlannedOp, 'sfAccountId' | 'hsCompanyId'>,
  options: RevertOptions,
  removal: { payload: Record<string, unknown>; reason: string },
): PlannedOp[] {
  if (!options.deleteCreated)
    return [
      kept(
        op,
        'CREATED_KEPT',
        `${record} was created by run ${op.runId}; it is kept (revert with "delete created records" to remove it).`,
      ),
    ];
  return [write(op, ids, removal.payload, [], removal.reason)];
}

/** Splits the run's changes into those to restore and those changed again since (conflicts). */
function restorable(changes: FieldChange[], current: (field: string) => unknown) {
  const restore: FieldChange[] = [];
  const conflicts: { field: string; runValue: Value; currentValue: string | null }[] = [];
  for (const change of changes) {
    const now = current(change.field);
    if (sameValue(now, change.after)) restore.push({ field: change.field, before: change.after, after: change.before });
    else conflicts.push({ field: change.field, runValue: change.after, currentValue: text(now) });
  }
  return { restore, conflicts };
}

function conflictHold(op: OpRow, conflicts: ReturnType<typeof restorable>['conflicts']): PlannedOp {
  const fields = conflicts.map((c) => c.field).join(', ');
  return held(
    op,
    'CHANGED_SINCE_RUN',
    `${fields} changed again after run ${op.runId}; left as it is now, not overwritten.`,
    { conflicts },
  );
}

function revertHubSpot(ctx: PlanContext, op: OpRow, options: RevertOptions): PlannedOp[] {
  const company = op.hsCompanyId ? getHsCompany(ctx.db, op.hsCompanyId) : null;
  if (!company || company.archived)
    return [
      held(
        op,
        'RECORD_GONE',
        `Company ${op.hsCompanyId} is archived or deleted in HubSpot since run ${op.runId}; nothing to restore.`,
      ),
    ];
  const payload = (op.payload ?? {}) as { matchedBy?: string | null; archive?: boolean };
  if (payload.archive)
    return [
      kept(
        op,
        'ARCHIVE_NOT_REVERTED',
        `Company ${company.id} was archived by run ${op.runId}; restore it from HubSpot's recycle bin if it should come back.`,
      ),
    ];
  // The link written back to a company whose account the run created stays while that account is kept.
  if (op.reason === LINK_WRITE_BACK && !options.deleteCreated)
    return [
      kept(op, 'CREATED_KEPT', `The link of account ${op.sfAccountId}, created by run ${op.runId}, is kept with it.`),
    ];
  if (op.operation === 'create')
    return revertCreated(
      op,
      `Company ${company.id}`,
      { sfAccountId: op.sfAccountId, hsCompanyId: company.id },
      options,
      {
        payload: { archive: true, unlink: true },
        reason: 'REVERT_ARCHIVE_CREATED',
      },
    );
  const { restore, conflicts } = restorable(op.diff, (field) => company.properties[field]);
  const properties = Object.fromEntries(restore.map((c) => [c.field, text(c.after) ?? '']));
  // A link the run made by matching is undone too, while the company still carries this account.
  const unlink = MADE_LINKS.has(payload.matchedBy ?? '') && company.sfAccountId === op.sfAccountId;
  if (unlink) {
    properties[LINK_PROPERTY] = '';
    restore.push({ field: LINK_PROPERTY, before: op.sfAccountId, after: null });
  }
  const out: PlannedOp[] = [];
  if (restore.length > 0)
    out.push(
      write(op, { sfAccountId: op.sfAccountId, hsCompanyId: company.id }, { properties, unlink }, restore, 'REVERT'),
    );
  if (conflicts.length > 0) out.push(conflictHold(op, conflicts));
  return out;
}

function revertSalesforce(ctx: PlanContext, op: OpRow, options: RevertOptions): PlannedOp[] {
  const account = op.sfAccountId ? getSfAccount(ctx.db, op.sfAccountId) : null;
  if (!account || account.isDeleted)
    return [
      held(
        op,
        'RECORD_GONE',
        `Account ${op.sfAccountId ?? '(never created)'} is deleted in Salesforce since run ${op.runId}; nothing to restore.`,
      ),
    ];
  if (op.operation === 'create')
    return revertCreated(
      op,
      `Account ${account.id}`,
      { sfAccountId: account.id, hsCompanyId: op.hsCompanyId },
      options,
      {
        payload: { delete: true, unlink: true },
        reason: 'REVERT_DELETE_CREATED',
      },
    );
  const { restore, conflicts } = restorable(op.diff, (field) => account.fields[field]);
  const out: PlannedOp[] = [];
  if (restore.length > 0) {
    const fields = Object.fromEntries(restore.map((c) => [c.field, c.after ?? null]));
    out.push(write(op, { sfAccountId: account.id, hsCompanyId: op.hsCompanyId }, { fields }, restore, 'REVERT'));
  }
  if (conflicts.length > 0) out.push(conflictHold(op, conflicts));
  return out;
}

export function revertOp(ctx: PlanContext, op: OpRow, options: RevertOptions): PlannedOp[] {
  // The account hierarchy is not a field of either record: engine/hierarchy reverts its own writes.
  const hierarchy = revertHierarchyOp(ctx, op);
  if (hierarchy) return hierarchy;
  return op.system === 'hubspot' ? revertHubSpot(ctx, op, options) : revertSalesforce(ctx, op, options);
}
