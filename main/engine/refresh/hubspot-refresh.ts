/**
 * Reads HubSpot into the cache: company properties (for type checks and conversions), owners, companies and
 * contacts (full list paging the first time, then by last-modified date), and the company↔contact associations.
 * An incremental read first asks one search call whether anything changed in its window (change-probe.ts).
 */
import type { Database } from 'better-sqlite3';
import type { HubSpotConnector, HsObjectRecord } from '../../connectors/types.js';
import { saveCompanyParents } from '../cache/hierarchy-cache.js';
import { getCursor, setCursor, withOverlap } from '../cache/cursors.js';
import {
  saveCompanyContacts,
  saveHsCompanies,
  saveHsContacts,
  saveListMembers,
  saveOwners,
} from '../cache/hubspot-cache.js';
import { saveHsDescribe } from '../plan/describes.js';
import { linkForCompany } from '../state/links.js';
import type { FieldMapping } from '../rules/mappings.js';
import { companyProperties, HS_CONTACT_PROPERTIES } from './fields.js';
import { notePending } from './pending.js';
import { DESCRIBE_MAX_AGE_MS, describeDue, noteDescribed, probeMatchesCache, reSeenIds } from './change-probe.js';

export interface HsRefreshOptions {
  mappings: FieldMapping[];
  inclusionListId?: string | null;
  onProgress?: (read: number) => void;
  now?: () => Date;
  /** Properties and owners are read again only when older than this (a sync); undefined: always (an import). */
  describeMaxAgeMs?: number;
}

export { DESCRIBE_MAX_AGE_MS };

export interface HsRefreshSummary {
  companies: number;
  contacts: number;
  owners: number;
}

const ASSOCIATION_BATCH = 100;
/** Parent companies are read 1,000 companies a call (the v4 batch read limit), gathered across pages. */
const PARENT_BATCH = 1000;

function parentReader(db: Database, hs: HubSpotConnector) {
  let waiting: string[] = [];
  const flush = async () => {
    const ids = waiting;
    waiting = [];
    if (ids.length > 0) saveCompanyParents(db, ids, await hs.companyParents(ids));
  };
  return {
    flush,
    async add(ids: string[]) {
      waiting.push(...ids);
      if (waiting.length >= PARENT_BATCH) await flush();
    },
  };
}

async function readChanged(
  db: Database,
  hs: HubSpotConnector,
  objectType: 'companies' | 'contacts',
  properties: string[],
  onPage: (page: HsObjectRecord[]) => void | Promise<void>,
  startedAt: string,
): Promise<number> {
  const key = `hs:${objectType}`;
  const cursor = getCursor(db, key);
  const since = cursor === null ? null : (withOverlap(cursor) ?? cursor);
  // R2.4 an idle window costs this one call; a changed one this call and the pages.
  if (since !== null && probeMatchesCache(db, objectType, since, await hs.modifiedProbe(objectType, since))) return 0;
  const pages = since === null ? hs.list(objectType, properties) : hs.modifiedSince(objectType, since, properties);
  let newest = cursor;
  let count = 0;
  for await (const page of pages) {
    await onPage(page);
    for (const r of page) if (newest === null || r.updatedAt > newest) newest = r.updatedAt;
    count += page.length;
  }
  setCursor(db, key, newest ?? startedAt);
  return count;
}

/**
 * List and search pages carry no per-property history; for changed companies that are linked, the mapped
 * properties' change times are read with history (50 a call), so a Two-way merge compares real edit times and not
 * the time this console last wrote.
 */
async function addPropertyTimes(
  db: Database,
  hs: HubSpotConnector,
  page: HsObjectRecord[],
  properties: string[],
): Promise<void> {
  const linked = page.filter((c) => linkForCompany(db, c.id) !== null);
  if (linked.length === 0) return;
  const withHistory = await hs.read(
    'companies',
    linked.map((c) => c.id),
    properties,
    true,
  );
  const times = new Map(withHistory.map((r) => [r.id, r.propertyTimes]));
  for (const company of linked) {
    const known = times.get(company.id);
    if (known) company.propertyTimes = { ...company.propertyTimes, ...known };
  }
}

export async function refreshHubSpot(
  db: Database,
  hs: HubSpotConnector,
  options: HsRefreshOptions,
): Promise<HsRefreshSummary> {
  const now = options.now?.() ?? new Date();
  const startedAt = now.toISOString();
  let owners = 0;
  if (describeDue(db, 'hs:describe', now, options.describeMaxAgeMs)) {
    saveHsDescribe(db, await hs.properties('companies'));
    const people = await hs.owners();
    saveOwners(db, people);
    owners = people.length;
    noteDescribed(db, 'hs:describe', now);
  }

  const baseline = getCursor(db, 'hs:companies') === null;
  const parents = parentReader(db, hs);
  const companies = await readChanged(
    db,
    hs,
    'companies',
    companyProperties(options.mappings),
    async (page) => {
      // The overlap re-reads companies already cached with the same stamp: not changes, nothing to plan or ask.
      const reSeen = baseline ? new Set<string>() : reSeenIds(db, 'companies', page);
      const changed = page.filter((c) => !reSeen.has(c.id));
      // R7.4 "most recent" needs when each property changed; only linked companies take part in a merge.
      if (!baseline) await addPropertyTimes(db, hs, changed, companyProperties(options.mappings));
      db.transaction(() => {
        saveHsCompanies(db, changed);
        // Changes to linked companies matter to Two-way mappings; the baseline read is not a change.
        if (!baseline)
          notePending(
            db,
            'hs',
            changed.map((c) => ({ id: c.id, kind: 'changed' as const })),
          );
      })();
      // R6.2 matching reads who is associated with whom; refreshed with each page so memory stays bounded.
      for (let i = 0; i < changed.length; i += ASSOCIATION_BATCH) {
        saveCompanyContacts(db, await hs.companyContacts(changed.slice(i, i + ASSOCIATION_BATCH).map((c) => c.id)));
      }
      await parents.add(page.map((c) => c.id));
      options.onProgress?.(page.length);
    },
    startedAt,
  );
  await parents.flush();

  const contacts = await readChanged(
    db,
    hs,
    'contacts',
    HS_CONTACT_PROPERTIES,
    (page) => saveHsContacts(db, page),
    startedAt,
  );
  if (options.inclusionListId) {
    let first = true;
    for await (const members of hs.listMembers(options.inclusionListId)) {
      saveListMembers(db, options.inclusionListId, members, first);
      first = false;
    }
  }
  return { companies, contacts, owners };
}
