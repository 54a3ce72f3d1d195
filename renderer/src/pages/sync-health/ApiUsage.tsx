import type { HealthView } from '../../../../shared/contract/runs.js';
import { UsageBar } from '../../components/UsageBar.js';
import { formatCount } from '../../format/format.js';

/** R8 API calls used against what is allowed, for both systems. */
export function ApiUsage({ api }: { api: HealthView['api'] }) {
  const sf = api.salesforce;
  const hs = api.hubspot;
  return (
    <div className="api-usage">
      <section className="api-system" aria-labelledby="api-sf-title">
        <h3 id="api-sf-title">Salesforce</h3>
        {sf ? (
          <>
            {sf.allocation !== null ? (
              <UsageBar
                label="This console, last 24 h"
                used={sf.consoleCalls}
                max={sf.allocation}
                limitLabel="Its allocation (Sync settings); the sync pauses before spending more."
              />
            ) : (
              <p className="usage-plain">
                This console: <strong>{formatCount(sf.consoleCalls)}</strong> calls (no allocation known yet)
              </p>
            )}
            <UsageBar
              label="Whole org today"
              used={sf.orgUsed}
              max={sf.orgMax}
              limitAt={0.9}
              limitLabel="The sync pauses at 90 % of the org's limit."
            />
          </>
        ) : (
          <p className="muted">Not connected.</p>
        )}
      </section>
      <section className="api-system" aria-labelledby="api-hs-title">
        <h3 id="api-hs-title">HubSpot</h3>
        {hs ? (
          <>
            {hs.dailyMax !== null && hs.dailyRemaining !== null ? (
              <UsageBar label="Today" used={hs.dailyMax - hs.dailyRemaining} max={hs.dailyMax} />
            ) : null}
            {hs.intervalMax !== null && hs.intervalRemaining !== null ? (
              <UsageBar label="Last 10 seconds" used={hs.intervalMax - hs.intervalRemaining} max={hs.intervalMax} />
            ) : null}
            <p className="usage-plain">
              This console: <strong>{formatCount(hs.calls)}</strong> calls
              {hs.rateLimited > 0 ? (
                <>
                  , <strong>{formatCount(hs.rateLimited)}</strong> rate-limited and retried
                </>
              ) : (
                ', none rate-limited'
              )}
            </p>
            {hs.dailyMax === null && (
              <p className="muted small">HubSpot has not reported its limits yet (no rate-limit headers seen).</p>
            )}
          </>
        ) : (
          <p className="muted">Not connected.</p>
        )}
      </section>
    </div>
  );
}
