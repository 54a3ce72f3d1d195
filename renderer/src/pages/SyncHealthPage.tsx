import type { RunOutcome } from '../../../shared/contract/outcome.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Page } from '../components/Page.js';
import { Stat, StatGrid } from '../components/Stat.js';
import { formatCount } from '../format/format.js';
import { hrefFor } from '../hooks/use-hash-route.js';
import { ApiUsage } from './sync-health/ApiUsage.js';
import { ErrorChart } from './sync-health/ErrorChart.js';
import { HealthActions } from './sync-health/HealthActions.js';
import { LastRun } from './sync-health/LastRun.js';
import { RetriesTable } from './sync-health/RetriesTable.js';
import { useHealth } from './sync-health/use-health.js';

/** Never "no failures" while values were dropped: both kinds of problem, in one sentence. */
function problemsLine(failed: number, rejected: number | null): string {
  const records = failed === 0 ? 'No record failed' : `${formatCount(failed)} records failed and wait for a retry`;
  if (rejected === null) return `${records}; values not written in the last run: not known.`;
  if (rejected === 0) return `${records}, and every field value of the last run was written.`;
  return `${records}; the last run left out ${formatCount(rejected)} field values (records written without them).`;
}

/** Values not written in the last run, per error category. */
function valuesByCategory(outcome: RunOutcome | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of outcome ? [outcome.to_hubspot, outcome.to_salesforce] : []) {
    for (const g of d.rejected.groups) out[g.category] = (out[g.category] ?? 0) + g.count;
  }
  return out;
}

/** R9.4 what failed and why, R8 what the sync spends on API calls; refreshed whenever a run changes state. */
export function SyncHealthPage() {
  const { health, error, loadedAt } = useHealth();
  const failed = health ? Object.values(health.errorsByCategory).reduce((a, b) => a + b, 0) : 0;
  const outcome = health?.lastRunOutcome ?? null;
  const rejected = outcome?.totals.rejectedValues ?? null;
  return (
    <Page
      id="sync-health"
      title="Sync health"
      lead="What failed, why, and what the sync is spending on API calls."
      wide
    >
      {error && <ErrorNotice title="Sync health could not be read." error={error} />}
      {!health && !error && <p className="card muted">Loading…</p>}
      {health && (
        <>
          <section className="card" aria-labelledby="health-totals-title">
            <div className="card-head">
              <h2 id="health-totals-title">Overview</h2>
              {loadedAt && <span className="muted small">Updated {loadedAt.toLocaleTimeString()}</span>}
            </div>
            <StatGrid label="Totals">
              <Stat label="Salesforce accounts" value={health.accounts} />
              <Stat label="HubSpot companies" value={health.companies} />
              <Stat label="Linked pairs" value={health.links} tone="ok" />
              <Stat label="Held for review" value={health.holds} tone={health.holds > 0 ? 'warn' : 'neutral'} />
              <Stat label="Failed records" value={failed} tone={failed > 0 ? 'danger' : 'neutral'} />
              <Stat
                label="Field values not written"
                value={rejected}
                tone={rejected ? 'danger' : 'neutral'}
                hint={health.lastRun ? 'in the last run' : 'no run yet'}
              />
            </StatGrid>
            {health.holds > 0 && (
              <p>
                <a href={hrefFor('holds')}>Review the {formatCount(health.holds)} held records</a>
              </p>
            )}
            <h3 className="subhead">Last run</h3>
            <LastRun run={health.lastRun} outcome={outcome} />
            <HealthActions retries={health.retries} />
          </section>
          <div className="two-columns">
            <section className="card" aria-labelledby="health-errors-title">
              <h2 id="health-errors-title">Problems by category</h2>
              <p className="muted small">{problemsLine(failed, rejected)}</p>
              <ErrorChart errorsByCategory={health.errorsByCategory} valuesByCategory={valuesByCategory(outcome)} />
            </section>
            <section className="card" aria-labelledby="health-api-title">
              <h2 id="health-api-title">API calls</h2>
              <ApiUsage api={health.api} />
            </section>
          </div>
          <section className="card" aria-labelledby="health-retries-title">
            <h2 id="health-retries-title">Failed records</h2>
            <p className="muted small">
              Retried automatically every 20 minutes, up to 10 times, then nightly. Resync them now from above.
            </p>
            <RetriesTable retries={health.retries} />
          </section>
        </>
      )}
    </Page>
  );
}
