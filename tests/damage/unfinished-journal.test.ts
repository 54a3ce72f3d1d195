/**
 * Damage inside an unfinished journal, found when the import is started again: it stops before resuming (nothing
 * more reaches HubSpot), names the file and offers the restore; after `sfhs restore` the import resumes and ends
 * with one company per account. Also: HubSpot's daily limit, as its last response said, is seen in a new process.
 */
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { createServices } from '../../main/app/services.js';
import { listBackups } from '../../main/db/health/backups.js';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';
import { cli } from '../cli/support.js';
import { startImportChild, waitForJournal } from '../support/child-import.js';
import { connectDataFolder } from '../support/engine-harness.js';
import { companiesByAccountId, liveAccountIds } from '../support/sync-world.js';
import { tempDirFactory } from '../support/temp.js';
import { databaseOf, scribbleRootPage } from './support.js';

const tempDir = tempDirFactory();
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

test('damage in an unfinished journal stops the resume before any write, names the file, and restore lets it finish', {
  timeout: 120_000,
}, async () => {
  // 3 HubSpot calls per 10 s: the import is still writing when it is killed.
  sandbox = await startSandbox({ accounts: 500, contacts: 50, hsCompanies: 0, seed: 13, hsLimit: '3/10s' });
  const dir = tempDir();
  const services = await connectDataFolder(dir, sandbox);
  services.settings.update({ syncCompanies: true });
  services.close();
  const run = startImportChild(dir);
  // Killed once the plan's backup exists (taken right after planning), so there is one to restore.
  const outcome = await waitForJournal(
    dir,
    run,
    (p) => p.confirmed >= 100 && p.confirmed < p.planned && listBackups(dir).length > 0,
  );
  expect(outcome).toBe('reached');
  run.child.kill('SIGKILL');
  await run.exited;
  // As a clean close would, fold the WAL in, so the damage lands in the pages that hold the journal.
  const db = new Database(databaseOf(dir));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  scribbleRootPage(databaseOf(dir), 'run_ops');
  const companiesBefore = sandbox.hubspot.store.companyCount;

  const refused = await cli(['import', '--data-dir', dir]);
  expect(refused.code, refused.err).toBe(9);
  expect(refused.err).toContain(databaseOf(dir));
  expect(refused.err).toMatch(/damaged.*\n?.*sfhs restore/);
  expect(refused.err).not.toMatch(/SqliteError|\n\s+at /);
  expect(sandbox.hubspot.store.companyCount).toBe(companiesBefore);

  const restored = await cli(['restore', '--data-dir', dir]);
  expect(restored.code, restored.err).toBe(0);
  const resumed = await cli(['import', '--json', '--data-dir', dir]);
  expect(resumed.code, resumed.err).toBe(0);
  const byAccount = companiesByAccountId(sandbox);
  const counts = liveAccountIds(sandbox).map((id) => byAccount.get(id)?.length ?? 0);
  expect(counts.filter((n) => n !== 1)).toEqual([]);
});

test('HubSpot daily limit remaining is kept in the data folder, so a new process shows the day figure', async () => {
  sandbox = await startSandbox({ accounts: 30, seed: 13, hsLimit: '190/10s,5000/day' });
  const dir = tempDir();
  const first = await connectDataFolder(dir, sandbox);
  await first.connections.hubspot().properties('companies');
  const seen = first.connections.hubspot().usage();
  first.close();
  expect(seen.dailyMax).toBe(5000);
  expect(seen.dailyRemaining).toBeLessThan(5000);

  const next = createServices({ dataDir: dir, runtime: 'cli', version: '0.0.0-test' });
  try {
    const health = next.connections.hubspot().usage();
    expect(health).toMatchObject({ dailyMax: 5000, dailyRemaining: seen.dailyRemaining, calls: 0 });
  } finally {
    next.close();
  }
});
