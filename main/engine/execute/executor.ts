/**
 * Execution: the planned ops of a run in batches (100 for HubSpot, 200 for Salesforce, R8.3), each journaled
 * planned → sent → confirmed | failed, one transaction per step. `sent` ops found at start were interrupted
 * mid-call; every write here is idempotent (HS creates are upserts on the unique salesforceaccountid; updates set
 * absolute values), so reconciling them is replaying them.
 */
import type { Database } from 'better-sqlite3';
import { RemoteError, type RecordResult, type Remotes } from './remote-types.js';
import { markOps, nextBatch, type OpRow, type OpSystem, setOpHsCompanyId } from '../runs/ops-store.js';
import { LINK_PROPERTY } from '../plan/plan-account.js';
import { applyHubSpotWrite, applySalesforceWrite, logOp, payloadOf } from './effects.js';
import { clearRetry, enqueueRetry } from './retry-queue.js';

export const BATCH_SIZE: Record<OpSystem, number> = { hubspot: 100, salesforce: 200 };

export interface ExecuteControl {
  /** Checked between batches: a pause or cancel takes effect after the batch in flight. */
  stopRequested(): 'pause' | 'cancel' | null;
  onBatch(done: number): void;
  now?: () => Date;
}

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
    return hs.update(
      'companies',
      batch.map((op) => ({ id: op.hsCompanyId as string, properties: payloadOf(op).properties ?? {} })),
    );
  }
  return remotes.salesforce().update(
    'Account',
    batch.map((op) => ({ Id: op.sfAccountId as string, ...(payloadOf(op).fields ?? {}) })),
  );
}

function settle(db: Database, batch: OpRow[], results: RecordResult[], at: string): number {
  let failed = 0;
  db.transaction(() => {
    batch.forEach((op, i) => {
      const result = results[i] ?? {
        ok: false as const,
        id: null,
        category: 'NETWORK' as const,
        code: 'NO_RESULT',
        message: 'The remote system returned no result for this record; it will be retried.',
      };
      const recordId = op.sfAccountId as string;
      if (result.ok) {
        if (op.system === 'hubspot') {
          if (op.hsCompanyId === null) setOpHsCompanyId(db, op.runId, op.seq, result.id);
          applyHubSpotWrite(db, { ...op, hsCompanyId: result.id }, result.id, at);
        } else {
          applySalesforceWrite(db, op, at);
        }
        markOps(db, op.runId, [op.seq], 'confirmed');
        logOp(db, { ...op, hsCompanyId: op.hsCompanyId ?? result.id }, 'written', at);
        clearRetry(db, op.system, recordId);
      } else {
        failed++;
        const error = { category: result.category, message: `${result.code}: ${result.message}` };
        markOps(db, op.runId, [op.seq], 'failed', error);
        logOp(db, op, 'failed', at, error);
        enqueueRetry(db, { system: op.system, recordId, operation: op.operation, ...error, runId: op.runId });
      }
    });
  })();
  return failed;
}

export async function executeRun(
  db: Database,
  remotes: Remotes,
  runId: string,
  control: ExecuteControl,
): Promise<ExecuteOutcome> {
  const now = control.now ?? (() => new Date());
  let done = 0;
  for (;;) {
    const stop = control.stopRequested();
    if (stop) return { state: stop === 'pause' ? 'paused' : 'cancelled' };
    const batch = nextBatch(db, runId, (system) => BATCH_SIZE[system]);
    if (batch.length === 0) return { state: 'completed' };
    db.transaction(() =>
      markOps(
        db,
        runId,
        batch.map((op) => op.seq),
        'sent',
      ),
    )();
    let results: RecordResult[];
    try {
      results = await send(remotes, batch);
    } catch (error) {
      if (!(error instanceof RemoteError)) throw error;
      // The call as a whole failed (network down, limit spent, token revoked): back to planned, nothing lost.
      db.transaction(() =>
        markOps(
          db,
          runId,
          batch.map((op) => op.seq),
          'planned',
        ),
      )();
      return { state: 'interrupted', error };
    }
    settle(db, batch, results, now().toISOString());
    done += batch.length;
    control.onBatch(done);
  }
}
