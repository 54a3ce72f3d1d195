/**
 * What a confirmed write means locally, applied in the same transaction as the journal step: the link, the new
 * agreed values (R7.4 base), the mirror of the written record, and the log entry with before/after per field (R9.1).
 */
import type { Database } from 'better-sqlite3';
import { getHsCompany, saveHsCompanies } from '../cache/hubspot-cache.js';
import { getSfAccount, saveSfAccounts } from '../cache/salesforce-cache.js';
import { appendLog, type LogEntry } from '../log/log-store.js';
import type { FieldChange, OpRow } from '../runs/ops-store.js';
import { type MatchedBy, saveFieldBases, saveLink } from '../state/links.js';

interface OpPayload {
  properties?: Record<string, string | null>;
  fields?: Record<string, unknown>;
  bases?: Record<string, string | null>;
  matchedBy?: MatchedBy | null;
}

export const payloadOf = (op: OpRow): OpPayload => (op.payload ?? {}) as OpPayload;

const changesAsRecords = (changes: FieldChange[]) => ({
  before: Object.fromEntries(changes.map((c) => [c.field, c.before])),
  after: Object.fromEntries(changes.map((c) => [c.field, c.after])),
});

export function logOp(
  db: Database,
  op: OpRow,
  outcome: LogEntry['outcome'],
  at: string,
  error: { category: string; message: string } | null = null,
): void {
  const { before, after } = changesAsRecords(op.diff);
  const entries: LogEntry[] = [
    {
      runId: op.runId,
      at,
      direction: op.system === 'hubspot' ? 'sf_to_hs' : 'hs_to_sf',
      sfAccountId: op.sfAccountId,
      hsCompanyId: op.hsCompanyId,
      operation: op.operation,
      reason: op.reason,
      before: op.diff.length ? before : null,
      after: op.diff.length ? after : null,
      outcome,
      category: error?.category ?? null,
      message: error?.message ?? (op.detail || null),
    },
  ];
  // R7.4 a both-sides change is logged as a conflict with both values, so it can be reviewed and reversed.
  for (const change of op.diff.filter((c) => c.conflict)) {
    entries.push({
      ...entries[0]!,
      operation: 'conflict',
      reason: `CONFLICT_${change.conflict?.winner === 'sf' ? 'SF' : 'HS'}_WINS`,
      before: { [change.field]: change.before, sfValue: change.conflict?.sfValue, hsValue: change.conflict?.hsValue },
      after: { [change.field]: change.after },
      outcome: 'conflict',
      message: `${change.field}: both sides changed since the last sync; the later change won.`,
    });
  }
  appendLog(db, entries);
}

/** A HubSpot write confirmed: link, bases, mirror. `companyId` is the id HubSpot answered with. */
export function applyHubSpotWrite(db: Database, op: OpRow, companyId: string, at: string): void {
  const payload = payloadOf(op);
  const sfAccountId = op.sfAccountId as string;
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
      archived: false,
    },
  ]);
}

/** A Salesforce write confirmed: bases and mirror. */
export function applySalesforceWrite(db: Database, op: OpRow, at: string): void {
  const payload = payloadOf(op);
  const sfAccountId = op.sfAccountId as string;
  if (payload.bases) saveFieldBases(db, sfAccountId, payload.bases, at);
  const known = getSfAccount(db, sfAccountId);
  if (known) saveSfAccounts(db, [{ ...known.fields, ...(payload.fields ?? {}), Id: sfAccountId, SystemModstamp: at }]);
}
