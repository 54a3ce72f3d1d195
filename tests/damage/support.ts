/** Damage done to a data folder the way a disk, a crash or a stray tool does it: bytes, not APIs. */
import { closeSync, openSync, statSync, truncateSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

export const databaseOf = (dataDir: string): string => join(dataDir, 'sfhs.sqlite');

/** `bytes` random bytes written at the middle of the file (a bad sector, a stray write). */
export function scribbleMiddle(file: string, bytes = 8192): void {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(bytes), 0, bytes, Math.floor(size / 2));
  } finally {
    closeSync(fd);
  }
}

/** The file cut to a third of its size (a copy or sync that stopped half way). */
export function truncateToThird(file: string): void {
  truncateSync(file, Math.floor(statSync(file).size / 3));
}

/** Random bytes over the root page of `table` (read from the schema first), so the damage hits what it must. */
export function scribbleRootPage(file: string, table: string): void {
  const db = new BetterSqlite3(file, { readonly: true });
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = :table').get({ table }) as {
    rootpage: number;
  };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(pageSize), 0, pageSize, (rootpage - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}
