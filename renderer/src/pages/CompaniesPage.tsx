import { ComingSoon } from '../components/ComingSoon.js';
import { Page } from '../components/Page.js';

export function CompaniesPage() {
  return (
    <Page
      id="companies"
      title="Companies"
      lead="Every HubSpot company and its Salesforce account, with the reason behind each sync decision."
    >
      <ComingSoon
        features={[
          {
            rule: 'R3.4',
            text: 'Preview, for every HubSpot company, whether a Salesforce account would be created and why (a reason code such as VETO_ALL_LEADS or CREATE_PRIVATE_CONTACT, with the contacts behind it), before turning anything on.',
          },
          {
            rule: 'R6.4',
            text: 'Ambiguous matches are held, never guessed: pick the right account or company, or choose "create new".',
          },
          {
            rule: 'R5.1',
            text: 'Resync any company now: create its account if it is unlinked, or push and pull mapped fields if it is linked.',
          },
        ]}
      />
    </Page>
  );
}
