import { useState } from 'react';
import type { OpError } from '../../../../shared/contract/result.js';
import { useApi } from '../../client/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Switch } from '../../components/Switch.js';

/**
 * The R1.1 switch saves at once, like the same switch in HubSpot. The shown state is main's: it changes when the
 * `settings` event arrives, so every window and the status bar agree.
 */
export function CompanySyncCard({ enabled }: { enabled: boolean }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OpError | null>(null);

  const toggle = async (next: boolean) => {
    setBusy(true);
    const result = await api.updateSettings({ changes: { syncCompanies: next } });
    setBusy(false);
    setError(result.ok ? null : result.error);
  };

  return (
    <section className="card" aria-labelledby="company-sync-title">
      <div className="card-row">
        <div>
          <h2 id="company-sync-title">Sync companies</h2>
          <p id="company-sync-help" className="muted">
            When on, Salesforce accounts and HubSpot companies are created and updated in both directions. When off,
            nothing is written to either system; reading into the local cache and previews still work.
          </p>
        </div>
        <Switch
          id="company-sync-switch"
          checked={enabled}
          disabled={busy}
          labelledBy="company-sync-title"
          describedBy="company-sync-help"
          onChange={(next) => void toggle(next)}
        />
      </div>
      <p className="note">
        Turning sync on does not copy existing accounts to HubSpot. Use <a href="#/import">Import</a> for that, with a
        preview first.
      </p>
      {error && <ErrorNotice title="The switch was not changed." error={error} />}
    </section>
  );
}
