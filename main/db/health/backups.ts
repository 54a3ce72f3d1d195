/**
 * Online backups of the data folder's database (better-sqlite3 `backup()`, which copies a consistent snapshot
 * while the console keeps working), taken at run boundaries into `<dataDir>/backups/`, newest `BACKUPS_KEPT` kept.
 * They exist for what cannot be rebuilt — links, the run journal, the log; the cache in them is simply older.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { quickCheck } from './integrity.js';

export const BACKUPS_KEPT = 5;
export const backupsFolder = (dataDir: string): string => join(dataDir, 'backups');

const PREFIX = 'sfhs-';
const SUFFIX = '.sqlite';

export interface BackupFile {
  file: string;
  takenAt: string;
  bytes: number;
}

/** Sortable and readable: sfhs-20250301T090000123Z.sqlite. */
const stamp = (at: Date): string => at.toISOString().replace(/[-:.]/g, '');

function takenAtOf(name: string): string {
  const raw = name.slice(PREFIX.length, -SUFFIX.length);
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(raw);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : raw;
}

/** Newest first. */
export function listBackups(dataDir: string): BackupFile[] {
  const folder = backupsFolder(dataDir);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.startsWith(PREFIX) && name.endsWith(SUFFIX))
    .sort()
    .reverse()
    .map((name) => {
      const file = join(folder, name);
      return { file, takenAt: takenAtOf(name), bytes: statSync(file).size };
    });
}

/**
 * One backup: written under a temporary name and renamed when complete, so a crash never leaves a half backup
 * that looks whole; then the oldest beyond `keep` are removed.
 */
export async function takeBackup(
  db: Database,
  dataDir: string,
  keep = BACKUPS_KEPT,
  now = new Date(),
): Promise<BackupFile> {
  const folder = backupsFolder(dataDir);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const file = join(folder, `${PREFIX}${stamp(now)}${SUFFIX}`);
  const partial = `${file}.partial`;
  try {
    await db.backup(partial);
    // A copy of damaged tables must not push a good backup out of the retention count.
    verifyBackup(partial);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  for (const old of listBackups(dataDir).slice(keep)) rmSync(old.file, { force: true });
  return { file, takenAt: now.toISOString(), bytes: statSync(file).size };
}

/**
 * Throws DamagedDatabaseError when the copy's own kept tables are not whole. The copy is made a single file
 * (rollback journal instead of the source's WAL), so a backup never comes with -wal and -shm companions.
 */
export function verifyBackup(file: string): void {
  const copy = new BetterSqlite3(file);
  try {
    copy.pragma('journal_mode = DELETE');
    quickCheck(copy);
  } finally {
    copy.close();
  }
}
