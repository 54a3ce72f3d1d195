/**
 * What a confirmed write means locally, applied in the same transaction as the journal step: the link, the new
 * agreed values (R7.4 base) and the mirror of the written record; the log entry is log/op-log.ts (R9.1).
 */
import type { Database } from 'better-sqlite3';
import { getHsCompany, saveHsCompanies } from '../cache/hubspot-cache.js';
import { getSfAccount, saveSfAccounts } from '../cache/salesforce-cache.js';
import type { OpRow } from '../runs/ops-store.js';
import {
  clearFieldBases,
  linkForAccount,
  type MatchedBy,
  removeLink,
  saveFieldBases,
  saveLink,
} from '../state/links.js';

interface OpPayload {
  properties?: Record<string, string | null>;
  fields?: Record<string, unknown>;
  bases?: Record<string, string | null>;
  matchedBy?: MatchedBy | null;
  /** R10.1 the account is gone: the link (and its R7.4 bases) end with this write. */
  unlink?: boolean;
  /** R10.1 archiveCompanyOnAccountDelete: the company is archived instead of updated. */
  archive?: boolean;
}

export const payloadOf = (op: OpRow): OpPayload => (op.payload ?? {}) as OpPayload;

/** A HubSpot write confirmed: link, bases, mirror. `companyId` is the id HubSpot answered with. */
export function applyHubSpotWrite(db: Database, op: OpRow, companyId: string, at: string): void {
  const payload = payloadOf(op);
  const sfAccountId = op.sfAccountId as string;
  if (payload.unlink) {
    removeLink(db, sfAccountId);
    clearFieldBases(db, sfAccountId);
  }
  if (payload.matchedBy)
    saveLink(db, { sfAccountId, hsCompanyId: companyId, matchedBy: payload.matchedBy, linkedAt: at });
  if (payload.bases) saveFieldBases(db, sfAccountId, payload.bases, at);
  const known = getHsCompany(db, companyId);
  const properties = { ...(known?.properties ?? {}), ...(payload.properties ?? {}) };
  const times = Object.fromEntries(Object.keys(payload.properties ?? {}).map((k) => [k, at]));
  saveHsCompanies(db, [
    {
      id: companyId,
      properties,
      propertyTimes: times,
      createdAt: known?.createdAt ?? at,
      updatedAt: at,
      archived: payload.archive === true,
    },
  ]);
}

/** A Salesforce write confirmed: bases and mirror. */
export function applySalesforceWrite(db: Database, op: OpRow, at: string): void {
  const payload = payloadOf(op);
  const sfAccountId = op.sfAccountId as string;
  // The HS half of a pair may have failed (a 207): a link HubSpot already carries is recorded anyway (R0.1); a
  // contacts or domain match is not a link until the HS write lands, so no agreed values are kept for it yet.
  if (payload.matchedBy === 'link' && op.hsCompanyId)
    saveLink(db, { sfAccountId, hsCompanyId: op.hsCompanyId, matchedBy: 'link', linkedAt: at });
  if (payload.bases && linkForAccount(db, sfAccountId)) saveFieldBases(db, sfAccountId, payload.bases, at);
  const known = getSfAccount(db, sfAccountId);
  if (known) saveSfAccounts(db, [{ ...known.fields, ...(payload.fields ?? {}), Id: sfAccountId, SystemModstamp: at }]);
}
