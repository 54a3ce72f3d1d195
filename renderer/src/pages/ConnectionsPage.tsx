import { ErrorNotice } from '../components/ErrorNotice.js';
import { Page } from '../components/Page.js';
import { useConnections, useSettings } from '../hooks/live-state.js';
import { ApiUsage } from './connections/ApiUsage.js';
import { ConnectionCard } from './connections/ConnectionCard.js';
import { DemoCard } from './connections/DemoCard.js';
import { HubSpotForm } from './connections/HubSpotForm.js';
import { SalesforceForm } from './connections/SalesforceForm.js';

/** Both connections, live: every change (this page, the CLI, a refused refresh) arrives as a `connections` event. */
export function ConnectionsPage() {
  const connections = useConnections();
  const settings = useSettings();
  return (
    <Page
      id="connections"
      title="Connections"
      lead="Connect this console to one Salesforce org and one HubSpot portal. Sign-in happens in your browser; tokens stay in the main process and never reach this page."
    >
      {connections.status === 'loading' && <p className="card muted">Loading connections…</p>}
      {connections.status === 'error' && (
        <ErrorNotice title="The connections could not be read." error={connections.error} />
      )}
      {connections.status === 'ready' && (
        <>
          <DemoCard connections={connections.value} />
          <ConnectionCard
            status={connections.value.salesforce}
            form={<SalesforceForm status={connections.value.salesforce} />}
          />
          <ConnectionCard
            status={connections.value.hubspot}
            form={<HubSpotForm status={connections.value.hubspot} />}
          />
          <p className="note" id="vault-protection">
            {connections.value.vault.encryption === 'os'
              ? 'Tokens are encrypted with the operating system keychain.'
              : `Tokens are kept in an unencrypted file readable only by your user account. ${connections.value.vault.note ?? ''}`}
          </p>
          <ApiUsage />
        </>
      )}
      {settings.status === 'ready' && (
        <p className="note">
          Company sync is <strong>{settings.value.syncCompanies ? 'on' : 'off'}</strong> (change it on{' '}
          <a href="#/sync-settings">Sync settings</a>).
        </p>
      )}
    </Page>
  );
}
