/**
 * Where the hierarchy joins a run: planned once the run's own writes are done (the companies it creates exist and
 * are linked), then executed like the rest of the journal. A run resumed after its hierarchy was planned keeps that
 * plan; one resumed before plans it then.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../../db/statements.js';
import type { RunKind } from '../runs/runs-store.js';
import { planHierarchy } from './plan-hierarchy.js';

const KINDS: ReadonlySet<RunKind> = new Set<RunKind>(['import', 'sync', 'resync']);
export const HIERARCHY_REASONS = ['PARENT_CHANGED', 'PARENT_NOT_LINKED', 'HIERARCHY_LOOP'] as const;

interface RunFacts {
  id: string;
  kind: RunKind;
  dryRun: boolean;
  options: Record<string, unknown>;
}

const scoped = (run: RunFacts) =>
  Boolean(run.options.where) || ['accountIds', 'companyIds'].some((k) => (run.options[k] as unknown[] | null)?.length);

function planned(db: Database, runId: string): boolean {
  const reasons = HIERARCHY_REASONS.map((r) => `'${r}'`).join(', ');
  return (
    prepared(db, `SELECT 1 FROM run_ops WHERE run_id = :runId AND reason IN (${reasons}) LIMIT 1`).get({ runId }) !==
    undefined
  );
}

/** Plans the run's hierarchy unless it was planned already; true when there is something to execute. */
export function planRunHierarchy(db: Database, run: RunFacts): boolean {
  if (!KINDS.has(run.kind) || planned(db, run.id)) return false;
  const scopeRunId = scoped(run) ? run.id : null;
  return planHierarchy(db, { runId: run.id, dryRun: run.dryRun, scopeRunId, quiet: run.kind === 'sync' }) > 0;
}
