import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { databaseFileName } from '../../../main/app/services.js';
import { exitCodes } from '../../../main/cli/command.js';
import { runCli } from '../../../main/cli/index.js';
import { latestSchemaVersion } from '../../../main/db/migrations/index.js';
import { tempDirFactory } from '../../support/temp.js';

const tempDir = tempDirFactory();

async function cli(...argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await runCli(argv, { stdout, stderr, stdin: new PassThrough(), env: {} });
  return { code, out, err };
}

test('--help lists the commands', async () => {
  const { code, out } = await cli('--help');
  expect(code).toBe(0);
  expect(out).toMatch(/Commands:\n {2}ui\s/);
  expect(out).toContain('settings');
});

test('an unknown command is a usage error', async () => {
  const { code, err } = await cli('frobnicate');
  expect(code).toBe(exitCodes.usage);
  expect(err).toContain('Unknown command "frobnicate"');
});

test('an unknown option is a usage error that shows the command help', async () => {
  const { code, err } = await cli('settings', '--colour');
  expect(code).toBe(exitCodes.usage);
  expect(err).toContain("Unknown option '--colour'");
});

test('R1.1 settings set syncCompanies true persists in the data folder', async () => {
  const dir = tempDir();
  expect((await cli('settings', 'set', 'syncCompanies', 'true', '--data-dir', dir)).code).toBe(0);
  const { out } = await cli('settings', 'get', 'syncCompanies', '--json', '--data-dir', dir);
  expect(JSON.parse(out)).toEqual({ syncCompanies: true });
});

test('an invalid setting value exits with the validation code and a message naming the field', async () => {
  const { code, err } = await cli('settings', 'set', 'pollIntervalMinutes', '0', '--data-dir', tempDir());
  expect(code).toBe(exitCodes.validation);
  expect(err).toContain('pollIntervalMinutes');
});

test('an unwritable data folder gives a clear message and its own exit code', async () => {
  if (process.getuid?.() === 0) {
    // root can write anywhere, so make the data folder's parent a file instead.
    const file = join(tempDir(), 'not-a-folder');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, '');
    const { code, err } = await cli('settings', 'get', '--data-dir', join(file, 'data'));
    expect(code).toBe(exitCodes.dataDir);
    expect(err).toContain('cannot be written');
    return;
  }
  const parent = tempDir();
  mkdirSync(join(parent, 'locked'));
  chmodSync(join(parent, 'locked'), 0o500);
  const { code, err } = await cli('settings', 'get', '--data-dir', join(parent, 'locked', 'data'));
  expect(code).toBe(exitCodes.dataDir);
  expect(err).toContain('cannot be written');
});

test('a database from a newer version is refused with its own exit code and left as it was', async () => {
  const dir = tempDir();
  const db = new BetterSqlite3(join(dir, databaseFileName));
  db.pragma(`user_version = ${latestSchemaVersion() + 10}`);
  db.close();
  const { code, err } = await cli('settings', 'get', '--data-dir', dir);
  expect(code).toBe(exitCodes.schemaTooNew);
  expect(err).toContain('newer version');
  const again = new BetterSqlite3(join(dir, databaseFileName));
  expect(again.pragma('user_version', { simple: true })).toBe(latestSchemaVersion() + 10);
  again.close();
});
