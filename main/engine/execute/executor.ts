/**
 * Execution: the planned ops of a run in batches (100 for HubSpot, 200 for Salesforce, R8.3), each journaled
 * planned → sent → confirmed | failed, one transaction per step. `sent` ops found at start were interrupted
 * mid-call; every write here is idempotent (HS creates are upserts on the unique salesforceaccountid; SF creates
 * upserts on HubSpot_Company_Id__c; updates set absolute values), so reconciling them is replaying them.
 */
import type { Database } from 'better-sqlite3';
import { RemoteError, type RecordResult, type Remotes } from './remote-types.js';
import { markOps, nextBatch, type OpRow, type OpSystem, requeueSent, setOpHsCompanyId } from '../runs/ops-store.js';
import { LINK_PROPERTY } from '../plan/plan-account.js';
import { logOp } from '../log/op-log.js';
import { toSfId18 } from '../rules/ids.js';
import { applyHubSpotWrite, applySalesforceWrite, payloadOf } from './effects.js';
import { clearRetry, enqueueRetry } from './retry-queue.js';
import { goneMessage, markGone } from './gone.js';
import { plannedCount } from './bulk-journal.js';
import { BULK_JOB_ROWS, BULK_WRITE_THRESHOLD, bulkShapeFor, resumeBulkJobs, sendInBulk } from './bulk-writes.js';

/** A record the remote system answered nothing for: failed for now, retried (R9.3). */
export const NO_RESULT: RecordResult = {
  ok: false,
  id: null,
  category: 'NETWORK',
  code: 'NO_RESULT',
  message: 'The remote system returned no result for this record; it will be retried.',
};

export const BATCH_SIZE: Record<OpSystem, number> = { hubspot: 100, salesforce: 200 };

/**
 * An op kind executed outside this file (HubSpot → Salesforce account creation lives in engine/hs-to-sf/): how a
 * batch of it is sent, and what its confirmation means locally (in the same transaction as the journal step).
 */
export interface OpExtension {
  system: OpSystem;
  operation: OpRow['operation'];
  /** Which ops of that system and operation are its own (all of them when absent). */
  handles?: (op: OpRow) => boolean;
  send(remotes: Remotes, batch: OpRow[]): Promise<RecordResult[]>;
  confirmed(db: Database, op: OpRow, result: RecordResult & { ok: true }, at: string): void;
}

export interface ExecuteControl {
  /** Checked between batches: a pause or cancel takes effect after the batch in flight. */
  stopRequested(): 'pause' | 'cancel' | null;
  onBatch(done: number): void;
  now?: () => Date;
  extensions?: readonly OpExtension[];
  /** Salesforce writes of more records than this go through Bulk API 2.0 jobs (default BULK_WRITE_THRESHOLD). */
  bulkThreshold?: number;
}

const extensionFor = (control: ExecuteControl, op: OpRow): OpExtension | undefined =>
  control.extensions?.find(
    (ext) => ext.system === op.system && ext.operation === op.operation && (ext.handles?.(op) ?? true),
  );

export type ExecuteOutcome =
  | { state: 'completed' }
  | { state: 'paused' | 'cancelled' }
  /** A whole call failed after the connector's own retries: nothing lost, the batch waits for a resume. */
  | { state: 'interrupted'; error: RemoteError };

async function send(remotes: Remotes, batch: OpRow[]): Promise<RecordResult[]> {
  const first = batch[0] as OpRow;
  if (first.system === 'hubspot') {
    const hs = remotes.hubspot();
    if (first.operation === 'create') {
      return hs.upsert(
        'companies',
        LINK_PROPERTY,
        batch.map((op) => ({ idValue: op.sfAccountId as string, properties: payloadOf(op).properties ?? {} })),
      );
    }
    return updateOrArchive(hs, batch);
  }
  return remotes.salesforce().update(
    'Account',
    batch.map((op) => ({ Id: op.sfAccountId as string, ...(payloadOf(op).fields ?? {}) })),
  );
}

/**
 * HubSpot updates; R10.1 archives travel in the same journal batches (they are updates of a company's state) and
 * go out as one archive call. Results stay in input order.
 */
async function updateOrArchive(hs: ReturnType<Remotes['hubspot']>, batch: OpRow[]): Promise<RecordResult[]> {
  const archived = batch.filter((op) => payloadOf(op).archive);
  const updated = batch.filter((op) => !payloadOf(op).archive);
  const results = new Map<OpRow, RecordResult>();
  if (archived.length > 0) {
    // A whole-call failure throws (RemoteError) and leaves the batch to resume; archiving twice is harmless.
    await hs.archive(
      'companies',
      archived.map((op) => op.hsCompanyId as string),
    );
    for (const op of archived) results.set(op, { ok: true, id: op.hsCompanyId as string });
  }
  if (updated.length > 0) {
    const answers = await hs.update(
      'companies',
      updated.map((op) => ({ id: op.hsCompanyId as string, properties: payloadOf(op).properties ?? {} })),
    );
    updated.forEach((op, i) => {
      const answer = answers[i];
      if (answer) results.set(op, answer);
    });
  }
  return batch.map((op) => results.get(op) ?? NO_RESULT);
}

function settle(
  db: Database,
  batch: OpRow[],
  results: RecordResult[],
  at: string,
  extension: OpExtension | undefined,
): number {
  let failed = 0;
  db.transaction(() => {
    batch.forEach((op, i) => {
      const result = results[i] ?? NO_RESULT;
      // A company not yet linked to an account (HS → SF create) is known by its company id.
      const recordId = (op.sfAccountId ?? op.hsCompanyId) as string;
      if (result.ok) {
        if (extension) {
          extension.confirmed(db, op, result, at);
        } else if (op.system === 'hubspot') {
          if (op.hsCompanyId === null) setOpHsCompanyId(db, op.runId, op.seq, result.id);
          applyHubSpotWrite(db, { ...op, hsCompanyId: result.id }, result.id, at);
        } else {
          applySalesforceWrite(db, op, at);
        }
        markOps(db, op.runId, [op.seq], 'confirmed');
        // A create learns its record's id only now: the entry names the new record, not just its counterpart.
        const created =
          op.system === 'salesforce'
            ? { sfAccountId: op.sfAccountId ?? toSfId18(result.id) }
            : { hsCompanyId: op.hsCompanyId ?? result.id };
        logOp(db, { ...op, ...created }, 'written', at);
        clearRetry(db, op.system, recordId);
      } else {
        failed++;
        const gone = goneMessage(op, result);
        const error = { category: result.category, message: `${result.code}: ${gone ?? result.message}` };
        markOps(db, op.runId, [op.seq], 'failed', error);
        logOp(db, op, 'failed', at, error);
        if (gone) {
          markGone(db, op);
          clearRetry(db, op.system, recordId);
        } else enqueueRetry(db, { system: op.system, recordId, operation: op.operation, ...error, runId: op.runId });
      }
    });
  })();
  return failed;
}

/**
 * Batches in flight at once. The rate scheduler decides how fast calls go out; a few in flight keep the allowed
 * rate filled while earlier answers are being journaled, instead of leaving each call's round trip idle.
 */
export const IN_FLIGHT = 4;

export async function executeRun(
  db: Database,
  remotes: Remotes,
  runId: string,
  control: ExecuteControl,
): Promise<ExecuteOutcome> {
  const now = control.now ?? (() => new Date());
  const seqs = (batch: OpRow[]) => batch.map((op) => op.seq);
  const threshold = control.bulkThreshold ?? BULK_WRITE_THRESHOLD;
  const settleBulk = (batch: OpRow[], results: RecordResult[]) => {
    settle(db, batch, results, now().toISOString(), extensionFor(control, batch[0] as OpRow));
  };
  try {
    await resumeBulkJobs(db, remotes, runId, settleBulk);
  } catch (error) {
    if (!(error instanceof RemoteError)) throw error;
    return { state: 'interrupted', error };
  }
  // After the bulk jobs: their ops are settled or planned again, so only Collections batches are left `sent`.
  requeueSent(db, runId);
  const limitFor = (system: OpSystem) =>
    system === 'salesforce' && plannedCount(db, runId, system) > threshold ? BULK_JOB_ROWS : BATCH_SIZE[system];
  let done = 0;
  let outcome: ExecuteOutcome | null = null;

  /** Takes the next batch and journals it `sent` (synchronously, so two workers never take the same ops). */
  const take = (): OpRow[] | null => {
    if (outcome) return null;
    const stop = control.stopRequested();
    if (stop) {
      outcome = { state: stop === 'pause' ? 'paused' : 'cancelled' };
      return null;
    }
    const batch = nextBatch(db, runId, limitFor);
    if (batch.length === 0) return null;
    db.transaction(() => markOps(db, runId, seqs(batch), 'sent'))();
    return batch;
  };

  const worker = async (): Promise<void> => {
    for (let batch = take(); batch; batch = take()) {
      const extension = extensionFor(control, batch[0] as OpRow);
      const shape = bulkShapeFor(batch, threshold);
      if (shape) {
        try {
          await sendInBulk(db, remotes, batch, shape, settleBulk, () => now().toISOString());
        } catch (error) {
          // The ops stay `sent` under their journaled job: the next start asks the org what became of it.
          if (!(error instanceof RemoteError)) throw error;
          outcome ??= { state: 'interrupted', error };
          return;
        }
        done += batch.length;
        control.onBatch(done);
        continue;
      }
      let results: RecordResult[];
      try {
        results = await (extension ? extension.send(remotes, batch) : send(remotes, batch));
      } catch (error) {
        // The call as a whole failed (network down, limit spent, token revoked): back to planned, nothing lost.
        db.transaction(() => markOps(db, runId, seqs(batch), 'planned'))();
        if (!(error instanceof RemoteError)) throw error;
        outcome ??= { state: 'interrupted', error };
        return;
      }
      settle(db, batch, results, now().toISOString(), extension);
      done += batch.length;
      control.onBatch(done);
    }
  };

  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return outcome ?? { state: 'completed' };
}
