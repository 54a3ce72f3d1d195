import { ComingSoon } from '../components/ComingSoon.js';
import { Page } from '../components/Page.js';

export function ConnectionsPage() {
  return (
    <Page
      id="connections"
      title="Connections"
      lead="Connect this console to one Salesforce org and one HubSpot portal. The status bar below shows both connections."
    >
      <ComingSoon
        features={[
          {
            rule: 'Sign-in',
            text: 'Sign in to Salesforce and HubSpot with OAuth. Tokens stay encrypted in the main process; this page only ever sees the account name, scopes and expiry.',
          },
          {
            rule: 'R0.1',
            text: 'Links live in the systems themselves (the HubSpot company property salesforceaccountid), so a second laptop connecting to the same org and portal never creates duplicates.',
          },
          {
            rule: 'R8.2',
            text: "The org's daily Salesforce API allocation and how much of it this console may spend.",
          },
        ]}
      />
    </Page>
  );
}
