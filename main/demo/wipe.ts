/**
 * Empties a data folder's database of everything learned from the remote systems (mirrors, links, runs, log,
 * identity), keeping the schema and the mappings. Used when a demo ends, so the folder can connect a real org.
 */
import type { Database } from 'better-sqlite3';

const KEEP_TABLES = new Set(['meta', 'mappings']);
const KEEP_META = new Set(['mappings.seeded']);

export function wipeWorkspace(db: Database): void {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  db.transaction(() => {
    // Children before parents: field_state and run_ops reference links and runs.
    for (const table of tables.filter((t) => !KEEP_TABLES.has(t)).sort((a, b) => order(a) - order(b))) {
      db.exec(`DELETE FROM "${table}"`);
    }
    const keys = db.prepare('SELECT key FROM meta').pluck().all() as string[];
    const drop = db.prepare('DELETE FROM meta WHERE key = :key');
    for (const key of keys) if (!KEEP_META.has(key)) drop.run({ key });
  })();
}

const order = (table: string) => (table === 'field_state' || table === 'run_ops' ? 0 : 1);
