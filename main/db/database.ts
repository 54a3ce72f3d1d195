import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AppError } from '../app/errors.js';
import { type Migration, latestSchemaVersion, migrations as defaultMigrations } from './migrations/index.js';

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  /** Path of an Electron-ABI build of better_sqlite3.node; the Node build in node_modules is used otherwise. */
  nativeBinding?: string;
  migrations?: Migration[];
}

export class SchemaTooNewError extends AppError {
  constructor(found: number, supported: number) {
    super(
      'CONFLICT',
      `This data folder was written by a newer version of the console (schema ${found}; this version knows up to ${supported}). Update the console, or choose another data folder. Nothing was changed.`,
    );
  }
}

export function openDatabase(options: OpenDatabaseOptions): Database {
  const list = options.migrations ?? defaultMigrations;
  const db = new BetterSqlite3(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Refuse a newer schema before changing anything about the file (even its journal mode).
    assertNotTooNew(db, list);
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode is durable across application crashes (only an OS crash can lose the last commits),
    // which the run journal tolerates: an op not confirmed is reconciled on resume.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, list);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function assertNotTooNew(db: Database, list: Migration[]): void {
  const current = schemaVersion(db);
  const latest = latestSchemaVersion(list);
  if (current > latest) throw new SchemaTooNewError(current, latest);
}

export function migrate(db: Database, list: Migration[] = defaultMigrations): void {
  assertNotTooNew(db, list);
  const current = schemaVersion(db);
  for (const migration of list) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${Number(migration.version)}`);
    })();
  }
}

/** SQLite codes of a file that is damaged, full, read-only or busy: conditions reported by whoever met them first. */
const STORAGE_CODES = /^SQLITE_(CORRUPT|NOTADB|FULL|IOERR|READONLY|BUSY|LOCKED)/;

export function closeDatabase(db: Database): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } catch (error) {
    // Statistics are a nicety: a damaged or full file still closes (the run already stopped and said why).
    if (!STORAGE_CODES.test(String((error as { code?: unknown }).code ?? ''))) {
      db.close();
      throw error;
    }
  }
  db.close();
}
