import { useEffect, useState } from 'react';
import type { OpError } from '../../../../shared/contract/result.js';
import type { ConnectionsStatus } from '../../../../shared/contract/types.js';
import { useApi } from '../../client/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';

/**
 * "Explore with demo data": offered while nothing is connected; while a demo runs, says so and offers to leave it.
 * The demo is the sandbox's emulators inside the console, with a seeded org and portal — nothing leaves this machine.
 */
export function DemoCard({ connections }: { connections: ConnectionsStatus }) {
  const api = useApi();
  const [demo, setDemo] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OpError | null>(null);
  const connected = connections.salesforce.connected || connections.hubspot.connected;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the demo flag is read again whenever the connections change.
  useEffect(() => {
    void api.getAppInfo({}).then((result) => setDemo(result.ok ? result.value.demo : false));
  }, [api, connected]);

  const act = async (start: boolean) => {
    setBusy(true);
    const result = start ? await api.startDemo({}) : await api.leaveDemo({});
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (result.ok) setDemo(start);
  };

  if (demo === null || (connected && !demo)) return null;
  return (
    <section className="card demo-card" aria-labelledby="demo-title">
      <h2 id="demo-title">{demo ? 'You are exploring demo data' : 'Explore with demo data'}</h2>
      <p>
        {demo
          ? 'Both connections point at built-in emulators of Salesforce and HubSpot with a seeded org of 2,000 accounts. Nothing you do here reaches a real system. Leave the demo to connect your own org and portal.'
          : 'No org or portal yet? Connect this console to built-in emulators of Salesforce and HubSpot with a seeded org of 2,000 accounts, and try the preview, an import, the health view and the log. Nothing leaves this machine.'}
      </p>
      <button
        type="button"
        className={demo ? 'btn' : 'btn btn-primary'}
        disabled={busy}
        onClick={() => void act(!demo)}
      >
        {busy ? (demo ? 'Leaving…' : 'Starting the emulators…') : demo ? 'Leave the demo' : 'Explore with demo data'}
      </button>
      {error && (
        <ErrorNotice title={demo ? 'The demo could not be left.' : 'The demo could not start.'} error={error} />
      )}
    </section>
  );
}
