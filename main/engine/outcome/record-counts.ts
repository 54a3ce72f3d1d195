/**
 * Records per direction, counted from the run's journal. A record is an account (or, before it has one, a
 * company); each direction decides once per record, so planned decisions add up to the records considered.
 * An account read by the run with no op in a direction counts as "unchanged" there: an account whose only write
 * goes to Salesforce is up to date in HubSpot, and the other way round.
 */
import type { Database } from 'better-sqlite3';
import {
  type Direction,
  type DirectionOutcome,
  type PlannedDecisions,
  type RecordOutcomes,
  directions,
} from '../../../shared/contract/index.js';
import { prepared } from '../../db/statements.js';
import { LINK_WRITE_BACK } from '../hs-to-sf/creation-ops.js';

export const systemOf: Record<Direction, 'hubspot' | 'salesforce'> = {
  to_hubspot: 'hubspot',
  to_salesforce: 'salesforce',
};

export type DirectionCounts = Pick<DirectionOutcome, 'considered' | 'planned' | 'records' | 'failedByCategory'>;

const emptyCounts = (): DirectionCounts => ({
  considered: 0,
  planned: { create: 0, update: 0, skip: 0, hold: 0 },
  records: { created: 0, updated: 0, unchanged: 0, held: 0, failed: 0, pending: 0 },
  failedByCategory: {},
});

/** Rank of a decision: a record with two ops in one direction (a write and a roll-up) counts as its strongest. */
const DECISIONS: (keyof PlannedDecisions)[] = ['skip', 'skip', 'hold', 'update', 'create'];
const DONE: Record<keyof PlannedDecisions, keyof RecordOutcomes> = {
  create: 'created',
  update: 'updated',
  skip: 'unchanged',
  hold: 'held',
};

// Account decisions: every SF → HS op, and the SF updates of linked accounts. Account creates, skips and holds in
// Salesforce are decisions about companies (keyed by the company until the account exists).
const ACCOUNT_OPS = `run_id = :runId AND sf_account_id IS NOT NULL AND reason != :writeBack
  AND (system = 'hubspot' OR operation = 'update')`;

export function accountsRead(db: Database, runId: string): number {
  return prepared(db, `SELECT COUNT(DISTINCT sf_account_id) FROM run_ops WHERE ${ACCOUNT_OPS}`)
    .pluck()
    .get({ runId, writeBack: LINK_WRITE_BACK }) as number;
}

/** Companies evaluated for an account in Salesforce (created, skipped or held). */
export function companiesRead(db: Database, runId: string): number {
  return prepared(
    db,
    `SELECT COUNT(*) FROM run_ops WHERE run_id = :runId AND system = 'salesforce' AND operation != 'update'`,
  )
    .pluck()
    .get({ runId }) as number;
}

export function recordCounts(db: Database, runId: string): Record<Direction, DirectionCounts> {
  const params = { runId, writeBack: LINK_WRITE_BACK };
  const rows = prepared(
    db,
    `SELECT system, rank, status, COUNT(*) AS n FROM (
       SELECT system, COALESCE(sf_account_id, 'hs:' || hs_company_id) AS record,
         MAX(CASE operation WHEN 'create' THEN 4 WHEN 'update' THEN 3 WHEN 'hold' THEN 2 ELSE 1 END) AS rank,
         CASE WHEN MAX(state = 'failed') THEN 'failed' WHEN MAX(state IN ('planned', 'sent')) THEN 'pending'
           ELSE 'done' END AS status
       FROM run_ops WHERE run_id = :runId AND reason != :writeBack GROUP BY system, record)
     GROUP BY system, rank, status`,
  ).all(params) as { system: string; rank: number; status: 'failed' | 'pending' | 'done'; n: number }[];
  const failures = prepared(
    db,
    `SELECT system, COALESCE(error_category, 'UNCATEGORIZED') AS category, COUNT(*) AS n FROM run_ops
     WHERE run_id = :runId AND reason != :writeBack AND state = 'failed' GROUP BY system, category`,
  ).all(params) as { system: string; category: string; n: number }[];
  const withOps = new Map(
    (
      prepared(
        db,
        `SELECT system, COUNT(DISTINCT sf_account_id) AS n FROM run_ops WHERE ${ACCOUNT_OPS} GROUP BY system`,
      ).all(params) as { system: string; n: number }[]
    ).map((r) => [r.system, r.n]),
  );
  const read = accountsRead(db, runId);
  const out = {} as Record<Direction, DirectionCounts>;
  for (const direction of directions) {
    const system = systemOf[direction];
    const c = emptyCounts();
    for (const { rank, status, n } of rows.filter((r) => r.system === system)) {
      const decision = DECISIONS[rank] as keyof PlannedDecisions;
      c.planned[decision] += n;
      c.records[status === 'done' ? DONE[decision] : status] += n;
      c.considered += n;
    }
    const untouched = read - (withOps.get(system) ?? 0);
    c.planned.skip += untouched;
    c.records.unchanged += untouched;
    c.considered += untouched;
    for (const f of failures.filter((r) => r.system === system)) c.failedByCategory[f.category] = f.n;
    out[direction] = c;
  }
  return out;
}

/** The second step of an account create: its id written back to the company. */
export function linkWriteBacks(db: Database, runId: string): { written: number; failed: number; pending: number } {
  const rows = prepared(
    db,
    `SELECT state, COUNT(*) AS n FROM run_ops WHERE run_id = :runId AND reason = :writeBack GROUP BY state`,
  ).all({ runId, writeBack: LINK_WRITE_BACK }) as { state: string; n: number }[];
  const out = { written: 0, failed: 0, pending: 0 };
  for (const { state, n } of rows) {
    if (state === 'failed') out.failed += n;
    else if (state === 'planned' || state === 'sent') out.pending += n;
    else out.written += n;
  }
  return out;
}
