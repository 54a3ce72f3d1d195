/**
 * Bringing a data folder back from its newest good backup. The damaged file is moved aside (kept: it may still
 * be read by someone who knows SQLite), the backup is copied in under a temporary name, checked, and renamed into
 * place. The caller holds the one-writer lock, so no process of ours writes meanwhile.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../app/errors.js';
import { type BackupFile, listBackups, verifyBackup } from './backups.js';
import { DamagedDatabaseError } from './damage.js';

export interface RestoreOutcome {
  from: BackupFile;
  /** Where the replaced file went (null when there was none). */
  movedAside: string | null;
  /** Backups skipped because they were damaged themselves, newest first. */
  skipped: { file: string; problem: string }[];
  counts: { links: number; runs: number; logEntries: number };
}

const SIDE_FILES = ['', '-wal', '-shm'];

function moveAside(file: string, now: Date): string | null {
  if (!existsSync(file)) return null;
  const folder = join(file, '..', 'damaged');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const target = join(folder, `${basename(file, '.sqlite')}-${now.toISOString().replace(/[-:.]/g, '')}.sqlite`);
  for (const suffix of SIDE_FILES) if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  return target;
}

function countsOf(file: string): RestoreOutcome['counts'] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { links: count('links'), runs: count('runs'), logEntries: count('log') };
  } finally {
    db.close();
  }
}

/** `from`: one backup file; otherwise the newest backup of `dataDir` whose kept tables are whole. */
export function restoreDatabase(
  dataDir: string,
  databaseFile: string,
  from?: string,
  now = new Date(),
): RestoreOutcome {
  const candidates: BackupFile[] = from ? [{ file: from, takenAt: 'given', bytes: 0 }] : listBackups(dataDir);
  if (candidates.length === 0) {
    throw new AppError(
      'NOT_FOUND',
      `No backup in ${join(dataDir, 'backups')}. They are taken when a run is planned and when it ends, so this ` +
        'folder has had none yet. Move the damaged file aside and start again: links are found again through ' +
        'HubSpot (salesforceaccountid), so nothing is created twice.',
    );
  }
  const incoming = `${databaseFile}.restoring`;
  const skipped: RestoreOutcome['skipped'] = [];
  for (const candidate of candidates) {
    if (!existsSync(candidate.file)) throw new AppError('NOT_FOUND', `No backup file ${candidate.file}.`);
    copyFileSync(candidate.file, incoming);
    try {
      verifyBackup(incoming);
    } catch (error) {
      rmSync(incoming, { force: true });
      if (!(error instanceof DamagedDatabaseError)) throw error;
      skipped.push({ file: candidate.file, problem: error.problems.join('; ') });
      continue;
    }
    const movedAside = moveAside(databaseFile, now);
    renameSync(incoming, databaseFile);
    return { from: candidate, movedAside, skipped, counts: countsOf(databaseFile) };
  }
  throw new AppError(
    'NOT_FOUND',
    `Every backup is damaged too: ${skipped.map((s) => `${s.file} (${s.problem})`).join('; ')}.`,
  );
}
