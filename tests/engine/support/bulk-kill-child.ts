/**
 * A sync in a child process that SIGKILLs itself in the middle of a Bulk API 2.0 write job (argv: data folder,
 * moment): `after-upload` once the rows are on the org but the job is still Open, `after-close` once the job was
 * closed (the org processes it) but before the run read any result. The parent resumes the run.
 */
import { createServices } from '../../../main/app/services.js';
import type { SalesforceConnector } from '../../../main/connectors/types.js';

const [dataDir, moment] = process.argv.slice(2) as [string, 'after-upload' | 'after-close'];
const services = createServices({ dataDir, runtime: 'cli', version: '0.0.0-test' });
const connections = services.connections as unknown as { salesforce(): SalesforceConnector };
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

const salesforce = connections.salesforce.bind(connections);
connections.salesforce = () => {
  const sf = salesforce();
  return Object.assign(Object.create(sf) as SalesforceConnector, {
    bulkUpload: async (...args: Parameters<SalesforceConnector['bulkUpload']>) => {
      await sf.bulkUpload(...args);
      if (moment === 'after-upload') die();
    },
    bulkClose: async (jobId: string) => {
      await sf.bulkClose(jobId);
      if (moment === 'after-close') die();
    },
  });
};

const summary = await services.engine.run({ kind: 'sync', dryRun: false });
process.stdout.write(`${JSON.stringify(summary)}\n`);
services.close();
