import type { Database } from 'better-sqlite3';

/**
 * Numbered migrations in steps of 10, applied in order inside one transaction each; `PRAGMA user_version` holds
 * the number of the last one applied. Never edit a migration that has shipped: add the next number.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export const migrations: Migration[] = [
  {
    version: 10,
    name: 'meta',
    up(db) {
      // Per-folder identity (which org and portal this folder belongs to) and other small facts.
      db.exec(`CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`);
    },
  },
];

export const latestSchemaVersion = (list: Migration[] = migrations): number => list.at(-1)?.version ?? 0;
