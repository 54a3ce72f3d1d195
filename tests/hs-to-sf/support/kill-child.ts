/**
 * A sync in a child process that SIGKILLs itself between the two steps of an account create (argv: data folder,
 * moment): `after-upsert` once Salesforce answered the upsert but before the journal confirms it, `before-write-back`
 * once the create is confirmed but before the link goes to HubSpot. The parent resumes the run.
 */
import type { HubSpotConnector, SalesforceConnector } from '../../../main/connectors/types.js';
import { dyingChild, syncThenClose } from '../../support/dying-child.js';

const { moment, services, connections, die } = dyingChild<'after-upsert' | 'before-write-back'>();

const salesforce = connections.salesforce.bind(connections);
connections.salesforce = () => {
  const sf = salesforce();
  if (moment !== 'after-upsert') return sf;
  return Object.assign(Object.create(sf) as SalesforceConnector, {
    upsert: async (...args: Parameters<SalesforceConnector['upsert']>) => {
      await sf.upsert(...args);
      return die();
    },
  });
};
const hubspot = connections.hubspot.bind(connections);
connections.hubspot = () => {
  const hs = hubspot();
  if (moment !== 'before-write-back') return hs;
  return Object.assign(Object.create(hs) as HubSpotConnector, {
    update: (...args: Parameters<HubSpotConnector['update']>) =>
      args[1].some((input) => 'salesforceaccountid' in input.properties) ? die() : hs.update(...args),
  });
};

await syncThenClose(services);
