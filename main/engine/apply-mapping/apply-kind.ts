/**
 * R7.6 / R2.5 apply a mapping to existing records: a run (kind `apply-mapping`) that pushes or pulls just that
 * field for every linked pair, in the mapping's direction(s) and by its sync rule. Both systems are refreshed and
 * the field read afresh, then the plan is journaled a page at a time (no cap, bounded memory) and executed,
 * paused and resumed like an import; every write is logged field by field, so the run can be reverted.
 */
import type { EngineDeps } from '../engine.js';
import { loadPlanContext } from '../plan/context.js';
import type { PlannedKind } from '../planned-kinds.js';
import { refreshForRun } from '../run-phases.js';
import { syncEnabledAt } from '../switch.js';
import { applyOptionsOf, requireApplicableMapping } from './apply-options.js';
import { readMappedField } from './field-read.js';
import { planApplyMapping } from './plan-apply.js';

export const applyMappingKind: PlannedKind = {
  validate(deps, options) {
    requireApplicableMapping(deps.db, applyOptionsOf(options));
  },
  async plan(deps: EngineDeps, runId, options, dryRun, progress) {
    const apply = applyOptionsOf(options);
    await refreshForRun(deps, { kind: 'sync', dryRun }, progress);
    // The refresh renews the describes: a field deleted or retyped since the run was asked for stops it here.
    const mapping = requireApplicableMapping(deps.db, apply);
    await readMappedField(deps.db, deps.remotes, mapping, (system, read) =>
      progress.report(system === 'salesforce' ? 'refresh-salesforce' : 'refresh-hubspot', read, null),
    );
    const ctx = loadPlanContext(deps.db, deps.settings.get(), syncEnabledAt(deps.db));
    const planned = planApplyMapping(ctx, {
      runId,
      mapping,
      direction: apply.direction,
      dryRun,
      onProgress: (n, total) => progress.report('plan', n, total),
    });
    progress.report('plan', planned, planned, true);
  },
};
