/**
 * Runs one real import (or resumes the unfinished one) in its own process, so a test or benchmark can SIGKILL it at
 * any moment and start it again: the acceptance test of "killed and resumed, nothing twice, nothing lost".
 *
 *   node --import tsx tests/support/import-child.ts --data-dir DIR
 *        [--sf-url URL --sf-token TOKEN --hs-url URL --hs-token TOKEN] [--where SOQL]
 *
 * --data-dir   the data folder (created if missing). Connected already, or connected here with the four
 *              connection flags (a sandbox's `info()`: salesforce.url/accessToken, hubspot.url/accessToken).
 * --where      narrows the import (R2.3a) like `sfhs import --where`.
 * Company sync is switched on in the folder (the caller asked for an import). The last stdout line is the run's
 * summary as JSON; exit code 0 when the run completed, 2 when it ended otherwise (paused, failed), 1 on an error.
 */
import { parseArgs } from 'node:util';
import { createServices } from '../../main/app/services.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'sf-url': { type: 'string' },
    'sf-token': { type: 'string' },
    'hs-url': { type: 'string' },
    'hs-token': { type: 'string' },
    where: { type: 'string' },
  },
});

async function main(): Promise<number> {
  const dataDir = values['data-dir'];
  if (!dataDir) throw new Error('--data-dir is required');
  const services = createServices({ dataDir, runtime: 'cli', version: '0.0.0-import-child' });
  try {
    if (values['sf-url'] && values['sf-token']) {
      await services.connections.connectSalesforce({ instanceUrl: values['sf-url'], accessToken: values['sf-token'] });
    }
    if (values['hs-url'] && values['hs-token']) {
      await services.connections.connectHubSpot({
        baseUrl: values['hs-url'],
        accessToken: values['hs-token'],
        kind: 'privateApp',
      });
    }
    services.settings.update({ syncCompanies: true });
    const summary = await services.engine.run({
      kind: 'import',
      dryRun: false,
      ...(values.where ? { where: values.where } : {}),
    });
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return summary.state === 'completed' ? 0 : 2;
  } finally {
    services.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
