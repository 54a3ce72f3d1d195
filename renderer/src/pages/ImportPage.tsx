import { ComingSoon } from '../components/ComingSoon.js';
import { Page } from '../components/Page.js';

export function ImportPage() {
  return (
    <Page
      id="import"
      title="Import"
      lead="Bring existing Salesforce accounts into HubSpot as companies: the explicit back-fill that turning sync on does not do."
    >
      <ComingSoon
        features={[
          {
            rule: 'R1.2',
            text: 'If company sync is off, the wizard says so before anything runs and offers to turn it on, instead of importing nothing silently.',
          },
          {
            rule: 'R2.3',
            text: 'A preview first: which accounts would create companies, which match an existing company, and which are held as ambiguous.',
          },
          {
            rule: 'R2.5',
            text: 'No 200,000-record cap: the import runs in checkpointed chunks, can be paused and resumes where it stopped.',
          },
        ]}
      />
    </Page>
  );
}
