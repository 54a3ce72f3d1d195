/**
 * R2.4 cheap change detection for the incremental sync: an idle poll should cost one call per object, not a re-read
 * of the whole overlap window, and describes (fields, properties, owners, users) change rarely enough to be read at
 * the reference cadence rather than every minute.
 */
import type { Database } from 'better-sqlite3';
import type { ModifiedProbe } from '../../connectors/hubspot/modified-search.js';
import { prepared } from '../../db/statements.js';
import { getCursor, setCursor } from '../cache/cursors.js';

/** Describes are read again after this long (the reference product's poll cadence). */
export const DESCRIBE_MAX_AGE_MS = 15 * 60_000;

const CACHE_TABLE = { companies: 'hs_companies', contacts: 'hs_contacts' } as const;

/**
 * Whether a describe must be read now: always when `maxAgeMs` is undefined (imports and resyncs read fresh), else
 * when it was last read longer ago than that.
 */
export function describeDue(db: Database, key: string, now: Date, maxAgeMs: number | undefined): boolean {
  if (maxAgeMs === undefined) return true;
  const at = getCursor(db, key);
  const readAt = at === null ? Number.NaN : Date.parse(at);
  return Number.isNaN(readAt) || now.getTime() - readAt >= maxAgeMs;
}

export function noteDescribed(db: Database, key: string, now: Date): void {
  setCursor(db, key, now.toISOString(), now);
}

/**
 * True when the probe matches the cache: as many live objects modified since `since` as the cache holds, and the
 * newest of them (all of them when the window holds no more than a page) cached with the same stamps. Then nothing
 * changed since the last read and paging the window would only re-read it. In a window larger than a page, an
 * object indexed late would go unseen only if a page of newer edits had all been read before it was indexed.
 */
export function probeMatchesCache(
  db: Database,
  objectType: 'companies' | 'contacts',
  since: string,
  probe: ModifiedProbe,
): boolean {
  const table = CACHE_TABLE[objectType];
  const cached = prepared(db, `SELECT COUNT(*) FROM ${table} WHERE updated_at >= :since AND archived = 0`)
    .pluck()
    .get({ since }) as number;
  if (cached !== probe.total) return false;
  return reSeenIds(db, objectType, probe.newest).size === probe.newest.length;
}

/** Ids of records the cache already holds with the same modification stamp: re-read by the overlap, not changed. */
export function reSeenIds(
  db: Database,
  objectType: 'companies' | 'contacts',
  records: ReadonlyArray<{ id: string; updatedAt: string }>,
): Set<string> {
  const stmt = prepared(db, `SELECT updated_at FROM ${CACHE_TABLE[objectType]} WHERE id = :id`).pluck();
  return new Set(records.filter((r) => stmt.get({ id: r.id }) === r.updatedAt).map((r) => r.id));
}
