/**
 * R8.1 "modified since" by CRM search, paged around its 10,000-result cap: results sorted by the last-modified
 * property ascending; when the next page would pass the cap, the search restarts with the filter narrowed to
 * "modified at or after the newest stamp seen", skipping the ids already returned at that exact stamp.
 * Search calls go through the scheduler's separate 5/s lane.
 */
import type { HsObjectRecord } from '../types.js';
import { toHsObjectRecord, type WireObject } from './records.js';

export const SEARCH_PAGE_SIZE = 200;
export const SEARCH_RESULT_CAP = 10_000;

/** HubSpot names the stamp differently per object (contacts predate the hs_ prefix). */
export const LAST_MODIFIED: Readonly<Record<'companies' | 'contacts', string>> = {
  companies: 'hs_lastmodifieddate',
  contacts: 'lastmodifieddate',
};

export interface SearchRequest {
  filterGroups: { filters: { propertyName: string; operator: 'GTE'; value: string }[] }[];
  /** Strings ("prop" ascending) or HubSpot's documented objects (direction ASCENDING / DESCENDING). */
  sorts: Array<string | { propertyName: string; direction: 'ASCENDING' | 'DESCENDING' }>;
  properties: string[];
  limit: number;
  after: string;
}

export type SearchPage = { total?: number; results: WireObject[]; paging?: { next?: { after?: string } } };

/** What one search call says about a window of modification times: how many objects, and the newest of them. */
export interface ModifiedProbe {
  total: number;
  /** Newest first, at most SEARCH_PAGE_SIZE: the whole window when `total` is no larger. */
  newest: { id: string; updatedAt: string }[];
}

/**
 * One call that tells an idle window from a changed one: objects modified at or after `since`, newest first, one
 * page of stamps. An edit moves its object's stamp past every earlier one, to the top; an object indexed late with
 * an older stamp raises the total.
 */
export async function probeModified(
  objectType: 'companies' | 'contacts',
  since: string,
  search: (request: SearchRequest) => Promise<SearchPage>,
): Promise<ModifiedProbe> {
  const stamp = LAST_MODIFIED[objectType];
  const from = new Date(since).getTime();
  if (Number.isNaN(from)) throw new Error(`Not a date-time: "${since}"`);
  const page = await search({
    filterGroups: [{ filters: [{ propertyName: stamp, operator: 'GTE', value: String(from) }] }],
    sorts: [{ propertyName: stamp, direction: 'DESCENDING' }],
    properties: [stamp],
    limit: SEARCH_PAGE_SIZE,
    after: '0',
  });
  const newest = page.results.map(toHsObjectRecord).map((r) => ({ id: r.id, updatedAt: r.updatedAt }));
  return { total: page.total ?? newest.length, newest };
}

export async function* modifiedSincePages(
  objectType: 'companies' | 'contacts',
  since: string,
  properties: string[],
  search: (request: SearchRequest) => Promise<SearchPage>,
): AsyncGenerator<HsObjectRecord[]> {
  const stamp = LAST_MODIFIED[objectType];
  let from = new Date(since).getTime();
  if (Number.isNaN(from)) throw new Error(`Not a date-time: "${since}"`);
  const seenAtFrom = new Set<string>();
  for (;;) {
    let after = 0;
    let newest = from;
    let newestIds = new Set<string>();
    let next: string | undefined;
    do {
      const page = await search({
        filterGroups: [{ filters: [{ propertyName: stamp, operator: 'GTE', value: String(from) }] }],
        sorts: [stamp],
        properties: [...new Set([...properties, stamp])],
        limit: SEARCH_PAGE_SIZE,
        after: String(after),
      });
      const fresh = page.results.map(toHsObjectRecord).filter((r) => !seenAtFrom.has(r.id));
      for (const record of fresh) {
        const t = new Date(record.properties[stamp] ?? record.updatedAt).getTime();
        if (t > newest) {
          newest = t;
          newestIds = new Set();
        }
        if (t === newest) newestIds.add(record.id);
      }
      if (fresh.length > 0) yield fresh;
      next = page.paging?.next?.after;
      after += page.results.length;
    } while (next !== undefined && after + SEARCH_PAGE_SIZE <= SEARCH_RESULT_CAP);
    if (next === undefined) return;
    if (newest === from) {
      throw new Error(
        `More than ${SEARCH_RESULT_CAP} ${objectType} share the modification time ${new Date(from).toISOString()}; use a full list scan.`,
      );
    }
    from = newest;
    seenAtFrom.clear();
    for (const id of newestIds) seenAtFrom.add(id);
  }
}
