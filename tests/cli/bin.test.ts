/** The real `bin/sfhs.js` in a child process: connect through stdin, then a dry-run import with --json. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, expect, test } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';
import { tempDirFactory } from '../support/temp.js';
import { cli } from './support.js';

const bin = fileURLToPath(new URL('../../bin/sfhs.js', import.meta.url));
const tempDir = tempDirFactory();
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

test('R2.3a bin/sfhs.js import --dry-run --json works end to end in its own process', { timeout: 60_000 }, async () => {
  sandbox = await startSandbox({ accounts: 50, seed: 7, hsLimit: 'off' });
  const info = sandbox.info();
  const dir = tempDir();
  const sf = await cli(
    ['connect', 'salesforce', '--instance-url', info.salesforce.url, '--access-token-stdin', '--data-dir', dir],
    {
      stdin: `${info.salesforce.accessToken}\n`,
    },
  );
  expect(sf.code, sf.err).toBe(0);
  const hs = await cli(
    ['connect', 'hubspot', '--base-url', info.hubspot.url, '--private-app-token-stdin', '--data-dir', dir],
    {
      stdin: `${info.hubspot.accessToken}\n`,
    },
  );
  expect(hs.code, hs.err).toBe(0);
  // execFile, not execFileSync: the sandbox answers from this process's event loop.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [bin, 'import', '--dry-run', '--json', '--data-dir', dir],
    {
      env: { ...process.env, SFHS_DATA_DIR: '' },
    },
  );
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  const plan = JSON.parse(lines[0]!);
  expect(plan).toMatchObject({ dryRun: true, state: 'completed' });
  expect(plan.counts.create).toBeGreaterThan(0);
  // At least one decision per account (a pair can also write back to Salesforce).
  expect(plan.counts.create + plan.counts.update + plan.counts.skip + plan.counts.hold).toBeGreaterThanOrEqual(50);
});
