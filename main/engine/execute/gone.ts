/**
 * A write to a record the other system no longer has — archived or deleted after the cache last read it. Retrying
 * cannot help, so it is not queued for retry: the cache learns the record is gone (the next plan holds it as gone
 * instead of writing again), and the failure says so in words a person can act on.
 */
import type { Database } from 'better-sqlite3';
import type { RecordResult } from '../../connectors/types.js';
import { markHsCompaniesArchived } from '../cache/hubspot-cache.js';
import { markSfAccountsDeleted } from '../cache/salesforce-cache.js';
import type { OpRow } from '../runs/ops-store.js';

type Failure = RecordResult & { ok: false };

/** The message for a write that found its record gone, or null when the failure is something else. */
export function goneMessage(op: OpRow, result: Failure): string | null {
  if (op.operation !== 'update') return null;
  if (op.system === 'hubspot' && result.code === 'OBJECT_NOT_FOUND')
    return `Company ${op.hsCompanyId} no longer exists in HubSpot (archived or deleted after it was read); nothing was written to it.`;
  if (op.system === 'salesforce' && result.code === 'ENTITY_IS_DELETED')
    return `Account ${op.sfAccountId} is deleted in Salesforce (after it was read); nothing was written to it.`;
  return null;
}

export function markGone(db: Database, op: OpRow): void {
  if (op.system === 'hubspot') markHsCompaniesArchived(db, [op.hsCompanyId as string]);
  else markSfAccountsDeleted(db, [op.sfAccountId as string]);
}
