import type { Database } from 'better-sqlite3';

/** Where each incremental read stopped ('sf:Account', 'hs:companies', ...). */
export function getCursor(db: Database, object: string): string | null {
  return (
    (db.prepare('SELECT cursor FROM sync_cursors WHERE object = :object').pluck().get({ object }) as string) ?? null
  );
}

export function setCursor(db: Database, object: string, cursor: string, now: Date = new Date()): void {
  db.prepare(
    `INSERT INTO sync_cursors (object, cursor, updated_at) VALUES (:object, :cursor, :at)
     ON CONFLICT(object) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
  ).run({ object, cursor, at: now.toISOString() });
}

/** R2.4 the overlap: re-read the last 5 minutes so a record committed late with an earlier stamp is not missed. */
export const CURSOR_OVERLAP_MS = 5 * 60 * 1000;

export function withOverlap(cursor: string | null): string | null {
  if (cursor === null) return null;
  const t = Date.parse(cursor);
  return Number.isNaN(t) ? null : new Date(t - CURSOR_OVERLAP_MS).toISOString();
}
