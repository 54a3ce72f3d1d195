/**
 * Prepared statements, cached per database and SQL text. Preparing costs about as much as running a small statement,
 * and the journal and cache functions run a few per record: a 200,000-record run spent more time preparing than
 * writing. Each SQL text must always be used the same way (e.g. always with `.pluck()`), since the object is shared.
 */
import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

export function prepared(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
