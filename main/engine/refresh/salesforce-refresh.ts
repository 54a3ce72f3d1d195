/**
 * Accounts whose mapped fields changed (or that are new since the baseline) are noted in pending_changes for the
 * incremental sync (R2.4).
 *
 * Reads Salesforce into the cache: the Account describe, users, accounts (incrementally by SystemModstamp with the
 * R2.4 overlap, or narrowed by a SOQL condition for an import), deletions (R10), contacts (for R6.2 matching) and
 * leads (R3.1b).
 */
import type { Database } from 'better-sqlite3';
import type { SalesforceConnector } from '../../connectors/types.js';
import { getCursor, setCursor, withOverlap } from '../cache/cursors.js';
import {
  markSfAccountsDeleted,
  noteMergesFromContacts,
  saveSfAccounts,
  saveSfContacts,
  saveSfLeads,
  saveSfUsers,
} from '../cache/salesforce-cache.js';
import { loadDescribes, saveSfDescribe } from '../plan/describes.js';
import { describeDue, noteDescribed } from './change-probe.js';
import { toSfId18 } from '../rules/ids.js';
import type { FieldMapping } from '../rules/mappings.js';
import { accountFields, CONTACT_FIELDS, LEAD_FIELDS, mappedFieldsChanged, USER_FIELDS } from './fields.js';
import { notePending } from './pending.js';

export interface SfRefreshOptions {
  mappings: FieldMapping[];
  /**
   * SOQL conditions: read only the accounts matching any of them (an import's --where, or chunks of ids for a
   * resync) and do not move the cursor.
   */
  where?: string | string[];
  /** Called with each page of account ids read (an import's scope). */
  onAccounts?: (ids: string[]) => void;
  onProgress?: (read: number) => void;
  now?: () => Date;
  /** The describe and users are read again only when older than this (a sync); undefined: always (an import). */
  describeMaxAgeMs?: number;
}

export interface SfRefreshSummary {
  accounts: number;
  changed: number;
  deleted: number;
  contacts: number;
  leads: number;
  users: number;
}

const DELETED_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

const maxOf = (a: string | null, b: string | undefined) => (b && (a === null || b > a) ? b : a);

export async function refreshSalesforce(
  db: Database,
  sf: SalesforceConnector,
  options: SfRefreshOptions,
): Promise<SfRefreshSummary> {
  const now = options.now ?? (() => new Date());
  const summary: SfRefreshSummary = { accounts: 0, changed: 0, deleted: 0, contacts: 0, leads: 0, users: 0 };
  const describeNow = now();
  let describe = loadDescribes(db).sfFields;
  if (describe.length === 0 || describeDue(db, 'sf:describe', describeNow, options.describeMaxAgeMs)) {
    describe = await sf.describeAccount();
    saveSfDescribe(db, describe);
    for await (const page of sf.stream('User', USER_FIELDS)) {
      saveSfUsers(db, page);
      summary.users += page.length;
    }
    noteDescribed(db, 'sf:describe', describeNow);
  }

  const cursor = getCursor(db, 'sf:Account');
  const since = options.where ? null : withOverlap(cursor);
  const startedAt = now().toISOString();
  let newest: string | null = cursor;
  const fields = accountFields(options.mappings, describe);
  const conditions = Array.isArray(options.where) ? options.where : [options.where];
  for (const where of conditions)
    for await (const page of sf.stream('Account', fields, { since, where, bulk: since === null })) {
      db.transaction(() => {
        const previous = saveSfAccounts(db, page);
        // The first read ever is the baseline: nothing in it is a change (R1.3: turning sync on does not back-fill).
        if (cursor !== null) {
          const changes = page.flatMap((r) => {
            const id = toSfId18(r.Id);
            const before = previous.get(id) ?? null;
            if (!mappedFieldsChanged(options.mappings, before, r)) return [];
            return [{ id, kind: before === null ? ('new' as const) : ('changed' as const) }];
          });
          notePending(db, 'sf', changes);
          summary.changed += changes.length;
        }
      })();
      for (const r of page) newest = maxOf(newest, r.SystemModstamp as string | undefined);
      options.onAccounts?.(page.map((r) => toSfId18(r.Id)));
      summary.accounts += page.length;
      options.onProgress?.(summary.accounts);
    }

  const deletedIds = new Set<string>();
  if (!options.where) {
    if (cursor !== null) {
      // Deletions have their own cursor (the end of the last window asked), kept inside the window Salesforce
      // keeps deleted records for (15 days here, to be safe; Salesforce's recycle bin keeps them longer).
      const deletedCursor = getCursor(db, 'sf:Account:deleted');
      const earliest = new Date(Date.parse(startedAt) - DELETED_WINDOW_MS).toISOString();
      // Salesforce wants the window longer than a minute; re-asking a little is harmless (deletes are idempotent).
      const latestStart = new Date(Date.parse(startedAt) - 2 * 60 * 1000).toISOString();
      const start =
        deletedCursor && deletedCursor > earliest
          ? deletedCursor < latestStart
            ? deletedCursor
            : latestStart
          : earliest;
      const windowed = await sf.getDeleted('Account', start, startedAt);
      // getDeleted answers whole minutes (its end is truncated): the minute this sync started in is read with
      // queryAll, so a deletion is seen by the first sync after it, not the one after that.
      const covered = new Date(Math.floor(Date.parse(startedAt) / 60_000) * 60_000).toISOString();
      const recent = covered < startedAt ? await sf.deletedSince('Account', covered) : [];
      const seen = new Set(windowed.map((d) => toSfId18(d.id)));
      const deleted = [...windowed, ...recent.filter((d) => !seen.has(toSfId18(d.id)))];
      setCursor(db, 'sf:Account:deleted', startedAt);
      db.transaction(() => {
        markSfAccountsDeleted(
          db,
          deleted.map((d) => d.id),
        );
        notePending(
          db,
          'sf',
          deleted.map((d) => ({ id: toSfId18(d.id), kind: 'changed' as const })),
        );
      })();
      for (const d of deleted) deletedIds.add(toSfId18(d.id));
      summary.deleted = deleted.length;
    }
    setCursor(db, 'sf:Account', newest ?? startedAt);
  }

  const contactCursor = getCursor(db, 'sf:Contact');
  let newestContact: string | null = contactCursor;
  for await (const page of sf.stream('Contact', CONTACT_FIELDS, { since: withOverlap(contactCursor) })) {
    db.transaction(() => {
      noteMergesFromContacts(db, page, deletedIds);
      saveSfContacts(db, page);
    })();
    for (const r of page) newestContact = maxOf(newestContact, r.SystemModstamp as string | undefined);
    summary.contacts += page.length;
  }
  setCursor(db, 'sf:Contact', newestContact ?? startedAt);

  // R3.1b leads, incrementally like the contacts: which HS contacts sync with a lead (and whether it still exists).
  const leadCursor = getCursor(db, 'sf:Lead');
  let newestLead: string | null = leadCursor;
  for await (const page of sf.stream('Lead', LEAD_FIELDS, { since: withOverlap(leadCursor) })) {
    saveSfLeads(db, page);
    for (const r of page) newestLead = maxOf(newestLead, r.SystemModstamp as string | undefined);
    summary.leads += page.length;
  }
  setCursor(db, 'sf:Lead', newestLead ?? startedAt);
  return summary;
}
