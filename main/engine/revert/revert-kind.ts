/**
 * R9.5 revert a run: a new run (kind `revert`) planned from the reverted run's journal — its confirmed writes with
 * their before-values — after a refresh of both systems, so a value changed again since is seen and held rather
 * than overwritten. Planned a page at a time (bounded memory), executed and resumed like an import; a revert is a
 * run like any other, so reverting a revert restores what it undid.
 */
import { AppError } from '../../app/errors.js';
import type { EngineDeps } from '../engine.js';
import { logDecisions } from '../log/op-log.js';
import { loadPlanContext } from '../plan/context.js';
import type { PlannedKind } from '../planned-kinds.js';
import { refreshForRun } from '../run-phases.js';
import { appendOps, opsPage, type PlannedOp } from '../runs/ops-store.js';
import { getRun } from '../runs/runs-store.js';
import { syncEnabledAt } from '../switch.js';
import { revertSalesforceExtension } from './delete-extension.js';
import { type RevertOptions, revertOp } from './revert-op.js';

const PAGE = 1000;

export interface RevertRunOptions extends RevertOptions {
  revertOf: string;
}

const optionsOf = (options: Record<string, unknown>): RevertRunOptions => ({
  revertOf: String(options.revertOf ?? ''),
  deleteCreated: options.deleteCreated === true,
});

export const revertKind: PlannedKind = {
  extensions: [revertSalesforceExtension],
  validate(deps, options) {
    const { revertOf } = optionsOf(options);
    const target = getRun(deps.db, revertOf);
    if (!target) throw new AppError('NOT_FOUND', `No run ${revertOf} in this data folder (sfhs runs lists them).`);
    if (target.dryRun)
      throw new AppError(
        'VALIDATION',
        `Run ${revertOf} is a dry run: it wrote nothing, so there is nothing to revert.`,
      );
    if (['planning', 'planned', 'running', 'paused'].includes(target.state))
      throw new AppError(
        'CONFLICT',
        `Run ${revertOf} has not ended (${target.state}); let it finish or cancel it before reverting it.`,
      );
  },
  async plan(deps: EngineDeps, runId, options, dryRun, progress) {
    const revert = optionsOf(options);
    // Both systems as they are now: the current values are what a conflict is judged against.
    await refreshForRun(deps, { kind: 'sync', dryRun }, progress);
    const ctx = loadPlanContext(deps.db, deps.settings.get(), syncEnabledAt(deps.db));
    let afterSeq = 0;
    let planned = 0;
    for (;;) {
      const page = opsPage(deps.db, revert.revertOf, { state: 'confirmed', afterSeq, limit: PAGE });
      if (page.length === 0) break;
      deps.db.transaction(() => {
        const ops: PlannedOp[] = page.flatMap((op) => revertOp(ctx, op, revert));
        appendOps(deps.db, runId, ops);
        if (!dryRun) logDecisions(deps.db, runId, ops, new Date().toISOString());
      })();
      planned += page.length;
      progress.report('plan', planned, null);
      afterSeq = page.at(-1)?.seq ?? afterSeq;
    }
  },
};
