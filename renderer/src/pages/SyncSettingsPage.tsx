import { ErrorNotice } from '../components/ErrorNotice.js';
import { Page } from '../components/Page.js';
import { useSettings } from '../hooks/live-state.js';
import { CompanySyncCard } from './sync-settings/CompanySyncCard.js';
import { MappingsCard } from './sync-settings/MappingsCard.js';
import { SettingsForm } from './sync-settings/SettingsForm.js';

export function SyncSettingsPage() {
  const settings = useSettings();
  return (
    <Page
      id="sync-settings"
      title="Sync settings"
      lead="What the sync may do, how often, and which fields it carries between the two systems."
    >
      {settings.status === 'loading' && <p className="card muted">Loading settings…</p>}
      {settings.status === 'error' && <ErrorNotice title="The settings could not be read." error={settings.error} />}
      {settings.status === 'ready' && (
        <>
          <CompanySyncCard enabled={settings.value.syncCompanies} />
          <MappingsCard syncOn={settings.value.syncCompanies} />
          <SettingsForm settings={settings.value} />
        </>
      )}
    </Page>
  );
}
