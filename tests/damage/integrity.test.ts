/**
 * A damaged or truncated database is found before anything writes to it, named with the recovery command; the
 * commands that need only the vault still work; doctor names the damaged tables; restore brings links, journal
 * and log back from the last backup. Real sandbox, real clients, real SQLite files damaged byte by byte.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { cliWorld } from '../cli/support.js';
import { databaseOf, scribbleMiddle, scribbleRootPage, truncateToThird } from './support.js';

const count = (file: string, table: string): number => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
};

async function importedWorld() {
  const world = await cliWorld({ accounts: 120 });
  await world.syncOn();
  const imported = await world.sfhs('import', '--json');
  expect(imported.code).toBe(0);
  const file = databaseOf(world.dataDir);
  const before = { links: count(file, 'links'), log: count(file, 'log'), runs: count(file, 'runs') };
  expect(before.links).toBeGreaterThan(0);
  return { world, file, before };
}

test('a run leaves verified backups in backups/, single files without -wal/-shm companions', async () => {
  const { world } = await importedWorld();
  const files = readdirSync(join(world.dataDir, 'backups'));
  expect(files.length).toBeGreaterThanOrEqual(1);
  expect(files.every((name) => /^sfhs-\d{8}T\d{9}Z\.sqlite$/.test(name))).toBe(true);
});

test('a database with random bytes over the links is refused before any write; restore brings back links, journal and log', async () => {
  const { world, file, before } = await importedWorld();
  scribbleRootPage(file, 'links');
  for (const argv of [['runs'], ['log'], ['import', '--dry-run'], ['sync', '--once']]) {
    const result = await world.sfhs(...argv);
    expect(result.code, argv.join(' ')).toBe(9);
    expect(result.err).toContain(`The database ${file} is damaged`);
    expect(result.err).toContain('sfhs restore');
    expect(result.err).not.toMatch(/Unexpected error|\n\s+at /);
  }
  const status = await world.sfhs('status');
  expect(status.code).toBe(0);
  expect(status.out).toMatch(/Salesforce: connected/);

  const doctor = await world.sfhs('doctor', '--json');
  expect(doctor.code).toBe(9);
  const found = doctor.json<{ ok: boolean; problems: string[]; backups: unknown[] }>();
  expect(found.ok).toBe(false);
  expect(found.problems.length).toBeGreaterThan(0);
  expect(found.backups.length).toBeGreaterThan(0);

  const restored = await world.sfhs('restore');
  expect(restored.code, restored.err).toBe(0);
  expect(count(file, 'links')).toBe(before.links);
  expect(count(file, 'log')).toBe(before.log);
  expect(count(file, 'runs')).toBe(before.runs);
  expect(readdirSync(join(world.dataDir, 'damaged')).length).toBeGreaterThan(0);
  expect((await world.sfhs('doctor')).code).toBe(0);
  // The restored folder syncs again, and creates nothing the import already created.
  const sync = await world.sfhs('sync', '--once', '--json');
  expect(sync.code, sync.err).toBe(0);
  expect(sync.json().counts.created).toBe(0);
});

test('a truncated database: status, connect-free commands and doctor answer without a stack trace', async () => {
  const { world, file } = await importedWorld();
  truncateToThird(file);
  const status = await world.sfhs('status', '--json');
  expect(status.code).toBe(0);
  expect(status.json().salesforce.connected).toBe(true);
  expect(status.err).toContain('is truncated');
  const runs = await world.sfhs('runs');
  expect(runs.code).toBe(9);
  expect(runs.err).toMatch(/is truncated: [\d.]+ MB of the [\d.]+ MB/);
  expect(runs.err).not.toContain('SqliteError');
  const help = await world.sfhs('--help');
  expect(help.code).toBe(0);
  expect(existsSync(file)).toBe(true);
});

test('no backup yet: restore says what to do instead of failing obscurely', async () => {
  const world = await cliWorld({ accounts: 10 });
  scribbleMiddle(databaseOf(world.dataDir), 4096);
  const restored = await world.sfhs('restore');
  expect(restored.code).not.toBe(0);
  expect(restored.err).toMatch(/No backup in .*backups/);
});
