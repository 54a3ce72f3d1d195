/** Runs: one import, sync, resync, apply-mapping or revert, from plan to the end, kept for review. */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';

export type RunKind = 'import' | 'sync' | 'resync' | 'apply-mapping' | 'revert';
export type RunState = 'planning' | 'planned' | 'running' | 'paused' | 'cancelled' | 'completed' | 'failed';

export interface RunRow {
  id: string;
  kind: RunKind;
  options: Record<string, unknown>;
  state: RunState;
  dryRun: boolean;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
}

interface Row {
  id: string;
  kind: RunKind;
  options: string;
  state: RunState;
  dry_run: number;
  error: string | null;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
}

const toRun = (r: Row): RunRow => ({
  id: r.id,
  kind: r.kind,
  options: JSON.parse(r.options) as Record<string, unknown>,
  state: r.state,
  dryRun: r.dry_run === 1,
  error: r.error,
  createdAt: r.created_at,
  startedAt: r.started_at,
  endedAt: r.ended_at,
});

/** Time-ordered ids (sortable by creation) that stay unique across machines. */
export const newRunId = (now: Date = new Date()): string =>
  `run_${now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)}_${randomUUID().slice(0, 8)}`;

export function createRun(
  db: Database,
  kind: RunKind,
  options: Record<string, unknown>,
  dryRun: boolean,
  now: Date = new Date(),
): RunRow {
  const id = newRunId(now);
  db.prepare(
    `INSERT INTO runs (id, kind, options, state, dry_run, created_at) VALUES (:id, :kind, :options, 'planning', :dryRun, :at)`,
  ).run({ id, kind, options: JSON.stringify(options), dryRun: dryRun ? 1 : 0, at: now.toISOString() });
  return getRun(db, id) as RunRow;
}

export function getRun(db: Database, id: string): RunRow | null {
  const row = db.prepare('SELECT * FROM runs WHERE id = :id').get({ id }) as Row | undefined;
  return row ? toRun(row) : null;
}

/** Newest first. Dry runs are previews, not history: listed only when asked for. */
export function listRuns(db: Database, limit = 50, options: { includeDryRuns?: boolean } = {}): RunRow[] {
  return (
    db
      .prepare('SELECT * FROM runs WHERE (:dry = 1 OR dry_run = 0) ORDER BY created_at DESC, id DESC LIMIT :limit')
      .all({ limit, dry: options.includeDryRuns ? 1 : 0 }) as Row[]
  ).map(toRun);
}

/** The newest run of a kind that was planned for real but not finished: what `resume` continues. */
export function unfinishedRun(db: Database, kind?: RunKind): RunRow | null {
  const row = db
    .prepare(
      `SELECT * FROM runs WHERE dry_run = 0 AND state IN ('planning', 'planned', 'running', 'paused')
       AND (:kind IS NULL OR kind = :kind) ORDER BY created_at DESC LIMIT 1`,
    )
    .get({ kind: kind ?? null }) as Row | undefined;
  return row ? toRun(row) : null;
}

/** One flag in a run's stored options (e.g. that it starts again from the refresh when resumed). */
export function setRunOption(db: Database, id: string, key: string, value: boolean | string | null): void {
  db.prepare(`UPDATE runs SET options = json_set(options, '$.' || :key, json(:value)) WHERE id = :id`).run({
    id,
    key,
    value: JSON.stringify(value),
  });
}

export function setRunState(
  db: Database,
  id: string,
  state: RunState,
  extra: { error?: string | null; now?: Date } = {},
): void {
  const at = (extra.now ?? new Date()).toISOString();
  db.prepare(
    `UPDATE runs SET state = :state, error = COALESCE(:error, error),
       started_at = CASE WHEN :state = 'running' AND started_at IS NULL THEN :at ELSE started_at END,
       ended_at = CASE WHEN :state IN ('cancelled', 'completed', 'failed') THEN :at ELSE NULL END
     WHERE id = :id`,
  ).run({ id, state, error: extra.error ?? null, at });
}

/**
 * Runs left `running` by a process that ended (closed, crashed, killed) are paused, so they can be resumed from
 * their journal. Called when the engine starts. (Two processes running one data folder at once is not supported.)
 */
export function pauseInterruptedRuns(db: Database): number {
  return db
    .prepare(
      `UPDATE runs SET state = 'paused', ended_at = NULL,
         error = 'The process running it ended (closed, crashed or killed). Resume it to continue: nothing was lost.'
       WHERE state = 'running'`,
    )
    .run({}).changes;
}
