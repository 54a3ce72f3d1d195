/**
 * A disk that fills up during an import: the run pauses with a message naming the folder and the cause (exit 12),
 * nothing confirmed is lost, and once there is room the import resumes to exactly one company per account. The
 * data folder lives on a small tmpfs (mounting one needs root; elsewhere the test is skipped, saying why).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';
import { cli } from '../cli/support.js';
import { companiesByAccountId } from '../support/sync-world.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();
let sandbox: Sandbox | undefined;
let mounted: string | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
  if (mounted) execFileSync('umount', [mounted]);
  mounted = undefined;
});

const duplicatedAccounts = (box: Sandbox): string[] =>
  [...companiesByAccountId(box)].filter(([, companies]) => companies.length > 1).map(([accountId]) => accountId);

function mountTmpfs(dir: string, megabytes: number): boolean {
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]).status === 0;
}

const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = join('/tmp', `sfhs-mount-probe-${process.pid}`);
  mkdirSync(probe, { recursive: true });
  const ok = mountTmpfs(probe, 1);
  if (ok) execFileSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return ok;
})();

test.skipIf(!canMount)(
  'a full disk pauses the import (exit 12) and it resumes with room again: one company per account, nothing lost',
  { timeout: 120_000 },
  async () => {
    sandbox = await startSandbox({ accounts: 400, seed: 11, hsLimit: 'off' });
    const info = sandbox.info();
    const dir = join(tempDir(), 'data');
    mkdirSync(dir);
    expect(mountTmpfs(dir, 12)).toBe(true);
    mounted = dir;
    const sfhs = (argv: string[], stdin?: string) =>
      cli([...argv, '--data-dir', dir], stdin === undefined ? {} : { stdin });
    expect(
      (
        await sfhs(
          ['connect', 'salesforce', '--instance-url', info.salesforce.url, '--access-token-stdin'],
          `${info.salesforce.accessToken}\n`,
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await sfhs(
          ['connect', 'hubspot', '--base-url', info.hubspot.url, '--private-app-token-stdin'],
          `${info.hubspot.accessToken}\n`,
        )
      ).code,
    ).toBe(0);
    expect((await sfhs(['settings', 'set', 'syncCompanies', 'true'])).code).toBe(0);
    // Leave about 1.5 MB: enough to start, not enough to finish (the cache, the journal and the log need more).
    const { bavail, bsize } = statfsSync(dir);
    const filler = join(dir, 'filler');
    writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - 1_500_000)));

    // The seed holds a deliberate duplicate (two companies claiming one account, held for a person): the import
    // must add none.
    const seededDuplicates = duplicatedAccounts(sandbox);
    const full = await sfhs(['import']);
    expect(full.code, full.err).toBe(12);
    expect(full.err).toContain(`the disk is full (${dir})`);
    expect(full.err).not.toMatch(/Unexpected error|\n\s+at /);

    rmSync(filler);
    const resumed = await sfhs(['import', '--json']);
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.json().counts.failed).toBe(0);
    expect(duplicatedAccounts(sandbox)).toEqual(seededDuplicates);
    // Nothing was left half done: a second import finds nothing to create.
    const again = await sfhs(['import', '--json']);
    expect(again.json().counts.created).toBe(0);
  },
);
