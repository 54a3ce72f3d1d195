import { useState } from 'react';
import type { OpError } from '../../../../shared/contract/result.js';
import { useApi } from '../../client/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';

/**
 * R1.2 said up front: with company sync off an import creates no companies. HubSpot's own integration imports
 * nothing without a word; this page says so before anything runs and offers the switch.
 */
export function SyncOffNotice() {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OpError | null>(null);
  const turnOn = async () => {
    setBusy(true);
    const result = await api.updateSettings({ changes: { syncCompanies: true } });
    setBusy(false);
    setError(result.ok ? null : result.error);
  };
  return (
    <section className="callout callout-warn" aria-labelledby="sync-off-title">
      <div className="callout-body">
        <h2 id="sync-off-title">Company sync is off</h2>
        <p>
          An import now would create or update <strong>no</strong> companies in HubSpot. Turn company sync on to import;
          you can still preview below, which writes nothing.
        </p>
        {error && <ErrorNotice title="Company sync was not turned on." error={error} />}
      </div>
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void turnOn()}>
        {busy ? 'Turning on…' : 'Turn on company sync'}
      </button>
    </section>
  );
}
