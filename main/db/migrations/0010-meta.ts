import type { Migration } from './types.js';

export const metaMigration: Migration = {
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
};
