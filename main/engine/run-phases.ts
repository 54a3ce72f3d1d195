/**
 * The first two phases of a run: read both systems into the cache (narrowed to the run's accounts when it has a
 * scope), then write the plan — one journal row per decision.
 */
import type { EngineDeps, RunRequest } from './engine.js';
import { planHsToSf, refreshLists } from './hs-to-sf/index.js';
import { loadPlanContext } from './plan/context.js';
import { type PlanScope, planRun } from './plan/planner.js';
import type { ProgressReporter } from './progress.js';
import { DESCRIBE_MAX_AGE_MS, refreshHubSpot } from './refresh/hubspot-refresh.js';
import { pendingKind } from './refresh/pending.js';
import { refreshSalesforce } from './refresh/salesforce-refresh.js';
import { loadMappings } from './state/mappings-store.js';
import { syncEnabledAt } from './switch.js';

const SCOPE_TABLE = 'temp.run_scope';

/** Ids per `Id IN (…)`: a query travels in the URL, and Salesforce caps its length (about 16 kB in practice). */
const IDS_PER_QUERY = 300;

function idConditions(ids: string[]): string[] {
  const clean = ids.map((id) => `'${id.replace(/[^A-Za-z0-9]/g, '')}'`);
  const out: string[] = [];
  for (let i = 0; i < clean.length; i += IDS_PER_QUERY)
    out.push(`Id IN (${clean.slice(i, i + IDS_PER_QUERY).join(', ')})`);
  return out;
}

export async function refreshForRun(deps: EngineDeps, request: RunRequest, progress: ProgressReporter): Promise<void> {
  const { db, remotes, settings } = deps;
  const mappings = loadMappings(db);
  // R2.4 a sync polls often: describes are read at the reference cadence; an import or resync reads them fresh.
  const describeMaxAgeMs = request.kind === 'sync' ? DESCRIBE_MAX_AGE_MS : undefined;
  let hsRead = 0;
  await refreshHubSpot(db, remotes.hubspot(), {
    mappings,
    // The inclusion list is read below, where a list id that does not exist is reported, not fatal (R3.1c).
    inclusionListId: null,
    describeMaxAgeMs,
    onProgress: (n) => {
      hsRead += n;
      progress.report('refresh-hubspot', hsRead, null);
    },
  });
  // The last count of a phase always goes out, whatever the throttle held back: "2,552 / 2,552", not "1,000".
  progress.report('refresh-hubspot', hsRead, hsRead, true);
  await refreshLists(db, remotes.hubspot(), [settings.get().inclusionListId]);
  const where = request.accountIds?.length ? idConditions(request.accountIds) : request.where;
  const scoped = Boolean(where);
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS run_scope (id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM ${SCOPE_TABLE};`);
  const addToScope = db.prepare(`INSERT OR IGNORE INTO ${SCOPE_TABLE} (id) VALUES (:id)`);
  const sf = await refreshSalesforce(db, remotes.salesforce(), {
    mappings,
    where,
    describeMaxAgeMs,
    onAccounts: scoped
      ? (ids) =>
          db.transaction(() => {
            for (const id of ids) addToScope.run({ id });
          })()
      : undefined,
    onProgress: (n) => progress.report('refresh-salesforce', n, null),
  });
  progress.report('refresh-salesforce', sf.accounts, sf.accounts, true);
}

export function planForRun(deps: EngineDeps, runId: string, request: RunRequest, progress: ProgressReporter): void {
  const { db, settings } = deps;
  const ctx = loadPlanContext(db, settings.get(), syncEnabledAt(db));
  const scope: PlanScope =
    request.where || request.accountIds?.length || request.companyIds?.length
      ? { kind: 'ids', table: SCOPE_TABLE }
      : request.kind === 'sync'
        ? { kind: 'pending' }
        : { kind: 'all' };
  const enabledAt = ctx.syncEnabledAt;
  const planned = planRun(ctx, {
    runId,
    scope,
    dryRun: request.dryRun,
    // R2.2 / R2.3: an import or a manual resync may create any unmatched account; a sync only new or changed ones.
    mayCreate: (account) =>
      request.kind !== 'sync' ||
      (enabledAt !== null && account.createdDate >= enabledAt) ||
      pendingKind(db, account.id) === 'changed',
    quiet: request.kind === 'sync',
    onProgress: (n, total) => progress.report('plan', n, total),
  });
  progress.report('plan', planned, planned, true);
  // R3/R4/R5 HubSpot → Salesforce: account creates, lifecycle roll-ups, company resyncs (engine/hs-to-sf/).
  planHsToSf(ctx, { runId, kind: request.kind, dryRun: request.dryRun, companyIds: request.companyIds, enabledAt });
}
