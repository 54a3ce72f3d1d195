import type { Database } from 'better-sqlite3';

/** Small key/value facts about this data folder (`meta` table), shaped (db, ...args) so tests pass any database. */
export function getMeta(db: Database, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = :key').get({ key }) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(db: Database, key: string, value: string, now: Date = new Date()): void {
  db.prepare(
    `INSERT INTO meta (key, value, updated_at) VALUES (:key, :value, :at)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run({ key, value, at: now.toISOString() });
}
