/**
 * A sync in a child process that SIGKILLs itself in the middle of a Bulk API 2.0 write job (argv: data folder,
 * moment): `after-upload` once the rows are on the org but the job is still Open, `after-close` once the job was
 * closed (the org processes it) but before the run read any result. The parent resumes the run.
 */
import type { SalesforceConnector } from '../../../main/connectors/types.js';
import { dyingChild, syncThenClose } from '../../support/dying-child.js';

const { moment, services, connections, die } = dyingChild<'after-upload' | 'after-close'>();

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

await syncThenClose(services);
