/**
 * What the engagement report tells the client, read from the data folder: runs with their writes per direction,
 * values the other system refused, holds (open, and what was decided), errors waiting for a retry, API use.
 */
import type { Database } from 'better-sqlite3';
import type { ConnectionsStatus, HealthView, HoldView } from '../../shared/contract/index.js';
import { unresolvedHolds } from '../engine/holds/queue.js';

export interface RunLine {
  runId: string;
  kind: string;
  state: string;
  createdAt: string;
  /** Written records per direction and outcome. */
  toHubSpot: { created: number; updated: number; failed: number };
  toSalesforce: { created: number; updated: number; failed: number };
  held: number;
  skipped: number;
}

export interface RejectedValue {
  field: string;
  reason: string;
  count: number;
  example: string;
  records: string[];
}

export interface Decision {
  sfAccountId: string;
  action: string;
  hsCompanyId: string | null;
  resolvedAt: string;
}

export interface ReportData {
  generatedAt: string;
  dataDir: string;
  connections: ConnectionsStatus;
  health: HealthView;
  runs: RunLine[];
  rejected: RejectedValue[];
  openHolds: HoldView[];
  decisions: Decision[];
}

const RUNS = 200;

export function runLines(db: Database): RunLine[] {
  const runs = db
    .prepare('SELECT id, kind, state, created_at FROM runs WHERE dry_run = 0 ORDER BY created_at LIMIT :limit')
    .all({ limit: RUNS }) as { id: string; kind: string; state: string; created_at: string }[];
  const counts = db.prepare(
    'SELECT system, operation, state, COUNT(*) AS n FROM run_ops WHERE run_id = :runId GROUP BY system, operation, state',
  );
  return runs.map((run) => {
    const line: RunLine = {
      runId: run.id,
      kind: run.kind,
      state: run.state,
      createdAt: run.created_at,
      toHubSpot: { created: 0, updated: 0, failed: 0 },
      toSalesforce: { created: 0, updated: 0, failed: 0 },
      held: 0,
      skipped: 0,
    };
    for (const r of counts.all({ runId: run.id }) as {
      system: string;
      operation: string;
      state: string;
      n: number;
    }[]) {
      const side = r.system === 'hubspot' ? line.toHubSpot : line.toSalesforce;
      if (r.operation === 'hold') line.held += r.n;
      else if (r.operation === 'skip') line.skipped += r.n;
      else if (r.state === 'failed') side.failed += r.n;
      else if (r.state === 'confirmed') side[r.operation === 'create' ? 'created' : 'updated'] += r.n;
    }
    return line;
  });
}

/** R7.7 values refused by the other system, grouped by field and reason (the message starts with the field). */
export function rejectedValues(db: Database): RejectedValue[] {
  const rows = db
    .prepare(
      `SELECT reason, message, COUNT(*) AS n, GROUP_CONCAT(COALESCE(sf_account_id, hs_company_id)) AS ids FROM log
       WHERE category = 'PROPERTY_VALUE' AND outcome = 'failed' GROUP BY reason, message ORDER BY n DESC LIMIT 50`,
    )
    .all() as { reason: string | null; message: string | null; n: number; ids: string | null }[];
  return rows.map((r) => {
    const message = r.message ?? '';
    const colon = message.indexOf(': ');
    return {
      field: colon > 0 ? message.slice(0, colon) : '',
      reason: r.reason ?? 'PROPERTY_VALUE',
      count: r.n,
      example: colon > 0 ? message.slice(colon + 2) : message,
      records: [...new Set((r.ids ?? '').split(',').filter(Boolean))].slice(0, 10),
    };
  });
}

export function decisions(db: Database): Decision[] {
  return (
    db
      .prepare(
        'SELECT sf_account_id, action, hs_company_id, resolved_at FROM hold_resolutions ORDER BY resolved_at LIMIT 500',
      )
      .all() as { sf_account_id: string; action: string; hs_company_id: string | null; resolved_at: string }[]
  ).map((r) => ({
    sfAccountId: r.sf_account_id,
    action: r.action,
    hsCompanyId: r.hs_company_id,
    resolvedAt: r.resolved_at,
  }));
}

export function collectReport(
  db: Database,
  context: { dataDir: string; connections: ConnectionsStatus; health: HealthView; now?: Date },
): ReportData {
  return {
    generatedAt: (context.now ?? new Date()).toISOString(),
    dataDir: context.dataDir,
    connections: context.connections,
    health: context.health,
    runs: runLines(db),
    rejected: rejectedValues(db),
    openHolds: unresolvedHolds(db, '', 200),
    decisions: decisions(db),
  };
}
