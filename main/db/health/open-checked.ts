/**
 * Opening a data folder's database: the header is read before SQLite touches the file (opening may write the
 * WAL), then the quick check runs on the tables that cannot be rebuilt. Damage found either way closes the file
 * and throws DamagedDatabaseError, so nothing writes to it.
 */
import type { Database } from 'better-sqlite3';
import { openDatabase, type OpenDatabaseOptions } from '../database.js';
import { asDamage, DamagedDatabaseError } from './damage.js';
import { headerProblems } from './header.js';
import { quickCheck } from './integrity.js';

export function openCheckedDatabase(options: OpenDatabaseOptions): Database {
  const header = headerProblems(options.file);
  if (header.length) throw new DamagedDatabaseError(options.file, header);
  let db: Database | undefined;
  try {
    db = openDatabase(options);
    quickCheck(db);
    return db;
  } catch (error) {
    if (db?.open) db.close();
    throw asDamage(error, options.file);
  }
}
