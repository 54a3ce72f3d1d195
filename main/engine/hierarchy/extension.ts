/**
 * How a planned parent-company change is sent: the old child → parent association removed, then the new one made
 * (HubSpot allows one parent, so the order matters). Both calls are idempotent — removing a pair already gone and
 * making a pair that exists both succeed — so an op replayed after a kill cannot double an association.
 */
import type { Database } from 'better-sqlite3';
import { setCompanyParent } from '../cache/hierarchy-cache.js';
import { NO_RESULT, type OpExtension } from '../execute/executor.js';
import type { RecordResult } from '../execute/remote-types.js';
import type { OpRow } from '../runs/ops-store.js';
import { saveFieldBases } from '../state/links.js';
import { PARENT_FIELD } from './plan-hierarchy.js';

interface HierarchyPayload {
  parentCompany: string | null;
  previousCompany: string | null;
  /** The parent account both sides will agree on. */
  parent: string | null;
}

const hierarchyOf = (op: OpRow): HierarchyPayload | undefined =>
  (op.payload as { hierarchy?: HierarchyPayload } | null)?.hierarchy;

export const hierarchyExtension: OpExtension = {
  system: 'hubspot',
  operation: 'update',
  handles: (op) => hierarchyOf(op) !== undefined,
  async send(remotes, batch) {
    const hs = remotes.hubspot();
    const moves = batch.map((op) => ({ op, h: hierarchyOf(op) as HierarchyPayload, child: op.hsCompanyId as string }));
    const removals = moves.filter((m) => m.h.previousCompany !== null && m.h.previousCompany !== m.h.parentCompany);
    if (removals.length > 0)
      await hs.removeCompanyParents(
        removals.map((m) => ({ childId: m.child, parentId: m.h.previousCompany as string })),
      );
    const sets = moves.filter((m) => m.h.parentCompany !== null);
    const answers = new Map<OpRow, RecordResult>();
    if (sets.length > 0) {
      const results = await hs.setCompanyParents(
        sets.map((m) => ({ childId: m.child, parentId: m.h.parentCompany as string })),
      );
      sets.forEach((m, i) => {
        answers.set(m.op, results[i] ?? NO_RESULT);
      });
    }
    return moves.map((m) =>
      m.h.parentCompany === null ? { ok: true, id: m.child } : (answers.get(m.op) ?? NO_RESULT),
    );
  },
  confirmed(db: Database, op: OpRow, _result, at) {
    const h = hierarchyOf(op) as HierarchyPayload;
    setCompanyParent(db, op.hsCompanyId as string, h.parentCompany);
    saveFieldBases(db, op.sfAccountId as string, { [PARENT_FIELD]: h.parent }, at);
  },
};
