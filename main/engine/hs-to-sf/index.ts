/**
 * HubSpot → Salesforce (R3, R4, R5, R10) as the sync engine uses it: the op kinds it executes, and the planning it
 * adds to a run after the SF → HS plan.
 */
import type { OpExtension } from '../execute/executor.js';
import type { PlanContext } from '../plan/context.js';
import { accountCreateExtension } from './creation-ops.js';
import { reportDeletedCompanies } from './deleted-companies.js';
import { planLifecycleRollups } from './lifecycle-rollup.js';
import { planAccountCreations } from './plan-creation.js';
import { planCompanyResync } from './plan-resync.js';

export { refreshLists } from './refresh.js';
export { linkedAccountOf } from './plan-resync.js';

export const hsToSfExtensions: readonly OpExtension[] = [accountCreateExtension];

export interface HsToSfPlanRequest {
  runId: string;
  kind: 'import' | 'sync' | 'resync';
  dryRun: boolean;
  /** resync: these companies (R5.1). */
  companyIds?: readonly string[];
  /** When the switch went on; null = off. */
  enabledAt: string | null;
}

export function planHsToSf(ctx: PlanContext, request: HsToSfPlanRequest): void {
  if (request.kind === 'resync' && request.companyIds?.length) {
    planCompanyResync(ctx, request.runId, request.companyIds, request.dryRun);
    return;
  }
  // R1.1 with the switch off, nothing is created from HubSpot; an import is SF → HS only (R2.3a).
  if (request.kind !== 'sync' || request.enabledAt === null || !ctx.settings.syncCompanies) return;
  planAccountCreations(ctx, { runId: request.runId, dryRun: request.dryRun, enabledAt: request.enabledAt });
  planLifecycleRollups(ctx, { runId: request.runId, dryRun: request.dryRun });
  if (!request.dryRun) reportDeletedCompanies(ctx.db, request.runId);
}
