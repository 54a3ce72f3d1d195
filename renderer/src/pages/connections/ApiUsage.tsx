import { useEffect, useState } from 'react';
import type { HealthView } from '../../../../shared/contract/runs.js';
import { useApi } from '../../client/context.js';

const n = (value: number | null) => (value === null ? '–' : value.toLocaleString());

/** R8.2 API usage as main last saw it: the org's 24 h count and this console's allocation; HubSpot's headers. */
export function ApiUsage() {
  const api = useApi();
  const [usage, setUsage] = useState<HealthView['api'] | null>(null);
  useEffect(() => {
    let active = true;
    const load = () =>
      void api.getHealth({}).then((result) => {
        if (active && result.ok) setUsage(result.value.api);
      });
    load();
    // Usage moves when a run makes calls or a connection changes; reload then rather than poll.
    const stops = [api.onRun(load), api.onConnections(load)];
    return () => {
      active = false;
      for (const stop of stops) stop();
    };
  }, [api]);
  const sf = usage?.salesforce;
  const hs = usage?.hubspot;
  return (
    <section className="card" aria-labelledby="api-usage-title">
      <h2 id="api-usage-title">API usage</h2>
      <ul className="api-usage">
        <li>
          Salesforce:{' '}
          {sf
            ? `${n(sf.orgUsed)} of ${n(sf.orgMax)} calls in the last 24 h (org); this console ${n(sf.consoleCalls)} of ${n(sf.allocation)} allocated`
            : 'no calls yet in this session'}
        </li>
        <li>
          HubSpot:{' '}
          {hs
            ? `${n(hs.dailyRemaining)} of ${n(hs.dailyMax)} daily calls left; ${n(hs.intervalRemaining)} of ${n(hs.intervalMax)} in the 10-second window; ${n(hs.rateLimited)} rate-limited`
            : 'no calls yet in this session'}
        </li>
      </ul>
    </section>
  );
}
