import { ComingSoon } from '../components/ComingSoon.js';
import { Page } from '../components/Page.js';

export function SyncHealthPage() {
  return (
    <Page id="sync-health" title="Sync health" lead="What failed, why, and what the sync is spending on API calls.">
      <ComingSoon
        features={[
          {
            rule: 'R9.4',
            text: 'Error counts per category (associations, custom code, duplicates, permissions, property values, API limit, network, auth) with the affected records, exportable to CSV.',
          },
          {
            rule: 'R9.3',
            text: 'Errored records are retried with back-off; resync them by hand, one at a time or in bulk.',
          },
          {
            rule: 'R8.2',
            text: 'API calls used against the allocation on both sides; the sync pauses, losing nothing, before it runs out.',
          },
        ]}
      />
    </Page>
  );
}
