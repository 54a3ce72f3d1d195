/**
 * The one place a run is counted (shared/contract/outcome.ts): the CLI summary, the Import page, Sync health and
 * the Log all show what this answers.
 */
import type { Database } from 'better-sqlite3';
import type { Direction, OutcomeVerdict, RunOutcome } from '../../../shared/contract/index.js';
import { AppError } from '../../app/errors.js';
import { getRun, type RunRow } from '../runs/runs-store.js';
import { accountsRead, companiesRead, linkWriteBacks, recordCounts } from './record-counts.js';
import { problemCounts } from './rejected-values.js';
import { headlineOf } from './headline.js';

export function runOutcome(db: Database, runId: string): RunOutcome {
  const run = getRun(db, runId);
  if (!run) throw new AppError('NOT_FOUND', `No run ${runId} in this data folder.`);
  return outcomeOf(db, run);
}

export function outcomeOf(db: Database, run: RunRow): RunOutcome {
  const counts = recordCounts(db, run.id);
  const problems = problemCounts(db, run.id, run.dryRun);
  const direction = (d: Direction) => ({
    direction: d,
    ...counts[d],
    rejected: problems.rejected[d],
    warnings: problems.warnings[d],
  });
  const to_hubspot = direction('to_hubspot');
  const to_salesforce = direction('to_salesforce');
  const both = [to_hubspot, to_salesforce];
  const sum = (f: (d: typeof to_hubspot) => number) => both.reduce((n, d) => n + f(d), 0);
  const writeBacks = linkWriteBacks(db, run.id);
  const totals = {
    failed: sum((d) => d.records.failed) + writeBacks.failed,
    held: sum((d) => d.records.held),
    pending: run.dryRun ? 0 : sum((d) => d.records.pending) + writeBacks.pending,
    rejectedValues: sum((d) => d.rejected.values),
    warnings: sum((d) => d.warnings),
  };
  const written = sum((d) => d.records.created + d.records.updated);
  const outcome: Omit<RunOutcome, 'verdict' | 'headline'> = {
    runId: run.id,
    kind: run.kind,
    state: run.state,
    dryRun: run.dryRun,
    createdAt: run.createdAt,
    endedAt: run.endedAt,
    read: { accounts: accountsRead(db, run.id), companies: companiesRead(db, run.id) },
    to_hubspot,
    to_salesforce,
    linkWriteBacks: writeBacks,
    totals,
    error: run.error,
  };
  const verdict: OutcomeVerdict = run.dryRun
    ? 'preview'
    : run.state !== 'completed' || totals.pending > 0
      ? 'unfinished'
      : totals.failed + totals.held + totals.rejectedValues > 0
        ? 'problems'
        : written > 0
          ? 'clean'
          : 'nothing_to_do';
  return { ...outcome, verdict, headline: headlineOf({ ...outcome, verdict }) };
}
