/**
 * A sync in a child process that SIGKILLs itself between the two steps of an account create (argv: data folder,
 * moment): `after-upsert` once Salesforce answered the upsert but before the journal confirms it, `before-write-back`
 * once the create is confirmed but before the link goes to HubSpot. The parent resumes the run.
 */
import { createServices } from '../../../main/app/services.js';
import type { HubSpotConnector, SalesforceConnector } from '../../../main/connectors/types.js';

const [dataDir, moment] = process.argv.slice(2) as [string, 'after-upsert' | 'before-write-back'];
const services = createServices({ dataDir, runtime: 'cli', version: '0.0.0-test' });
const connections = services.connections as unknown as {
  salesforce(): SalesforceConnector;
  hubspot(): HubSpotConnector;
};
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

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

const summary = await services.engine.run({ kind: 'sync', dryRun: false });
process.stdout.write(`${JSON.stringify(summary)}\n`);
services.close();
