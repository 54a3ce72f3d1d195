/** Closing the database while a scheduled backup is being written: quiet when deliberate, reported otherwise. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { BackupSchedule } from '../../main/db/health/backup-schedule.js';
import { backupsFolder } from '../../main/db/health/backups.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();

/** Big enough that better-sqlite3's backup takes several event-loop turns (100 pages a step). */
function sizeableDatabase(dir: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(join(dir, 'sfhs.sqlite'));
  db.exec('CREATE TABLE filler (body BLOB) STRICT');
  const insert = db.prepare('INSERT INTO filler (body) VALUES (randomblob(4096))');
  db.transaction(() => {
    for (let i = 0; i < 2_000; i += 1) insert.run();
  })();
  return db;
}

/** A schedule whose backup has started (its first step done) and the errors it reports. */
async function backupUnderway() {
  const dir = tempDir();
  const db = sizeableDatabase(dir);
  const errors: unknown[] = [];
  const schedule = new BackupSchedule(db, dir, (error) => errors.push(error));
  schedule.request();
  await new Promise((resolve) => setImmediate(resolve));
  return { dir, db, errors, schedule };
}

test('a backup cut short by a deliberate close is not an error and leaves no partial file', async () => {
  const { dir, db, errors, schedule } = await backupUnderway();
  schedule.stop();
  db.close();
  await schedule.settle();
  expect(errors).toEqual([]);
  const folder = backupsFolder(dir);
  expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
});

test('a backup that fails while the schedule is still on is reported', async () => {
  const { db, errors, schedule } = await backupUnderway();
  db.close();
  await schedule.settle();
  expect(errors).toHaveLength(1);
  expect(String(errors[0])).toMatch(/not open/);
});
