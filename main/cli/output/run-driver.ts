/**
 * Runs a started engine run in the foreground: progress on stderr, Ctrl-C pauses it at the next batch (the journal
 * keeps everything; a second Ctrl-C quits at once and the run still resumes), and the outcome becomes an exit code.
 */
import type { ProgressEvent, RunSummary } from '../../../shared/contract/index.js';
import { AppError } from '../../app/errors.js';
import { quotaResumeAt } from '../../connectors/rate/quota.js';
import { RemoteError } from '../../connectors/types.js';
import type { StartedRun } from '../../engine/engine.js';
import { type CliContext, exitCodes, print } from '../command.js';
import { suggest } from './options.js';
import { progressDisplay } from './progress.js';

export interface DrivenRun {
  summary: RunSummary;
  /** Ctrl-C paused it: the exit code is 130 and the resume hint has been printed. */
  pausedByUser: boolean;
}

/** Salesforce's answers to a condition it cannot run (sandbox/salesforce/soql/errors.ts, SF REST docs). */
const QUERY_ERRORS = new Set(['MALFORMED_QUERY', 'INVALID_FIELD', 'INVALID_TYPE', 'INVALID_QUERY_FILTER_OPERATOR']);

/** Remote failures a person can act on get the CLI's codes: a bad condition is 6, a dead token is 5. */
export function cliError(error: unknown, where?: string): unknown {
  if (!(error instanceof RemoteError)) return error;
  if (error.system === 'salesforce' && error.code && QUERY_ERRORS.has(error.code) && where) {
    return new AppError(
      'VALIDATION',
      `Salesforce refused the --where condition (${error.code}): ${where}\n` +
        'Write it as the part of a SOQL WHERE clause on Account, e.g. --where "Industry = \'Banking\'".',
    );
  }
  if (error.category === 'AUTH') {
    return new AppError(
      'NOT_CONNECTED',
      `${error.message}\nConnect ${error.system === 'salesforce' ? 'Salesforce' : 'HubSpot'} again: sfhs connect ${error.system} --help`,
    );
  }
  return error;
}

/**
 * The one resume story: a paused import or sync continues when the same command runs again; any paused run also
 * continues with `sfhs runs resume ID`. Nothing is planned or written twice either way.
 */
export function pausedHint(ctx: CliContext, runId: string, kind: RunSummary['kind']): string {
  const byId = suggest(ctx, 'runs', 'resume', runId);
  const again = kind === 'import' || kind === 'sync' ? `${suggest(ctx, kind)} again, or ` : '';
  return `Run ${runId} is paused; nothing was lost. To continue it, run ${again}${byId}`;
}

export async function driveRun(
  ctx: CliContext,
  start: (onProgress: (event: ProgressEvent) => void) => StartedRun,
  where?: string,
): Promise<DrivenRun> {
  const { engine } = ctx.services();
  const display = progressDisplay(ctx.stderr);
  let pausedByUser = false;
  try {
    const started = start((event) => display.update(event));
    void ctx.interrupted.then(() => {
      if (engine.activeRunId !== started.runId) return;
      display.finish();
      engine.pause(started.runId);
      pausedByUser = true;
      print(ctx.stderr, 'Pausing after the batch in flight… (Ctrl-C again quits at once; the run still resumes)');
    });
    const summary = await started.finished;
    display.finish();
    if (summary.state !== 'paused') pausedByUser = false;
    return { summary, pausedByUser };
  } catch (error) {
    display.finish();
    throw cliError(error, where);
  }
}

/**
 * 0 done; 8 done with failed records (they wait in the retry queue, R9.3); 130 paused by Ctrl-C; 1 paused by a
 * remote failure or cancelled. Prints what to do next on stderr when there is something to do. Rejected values
 * are explained, with their fixes, in the summary above; they do not change the exit code (the records were written).
 */
export function finishRun(ctx: CliContext, { summary, pausedByUser }: DrivenRun): number {
  const resume = suggest(ctx, 'runs', 'resume', summary.runId);
  const quotaUntil = summary.state === 'paused' ? quotaResumeAt(summary.error) : null;
  if (quotaUntil && !pausedByUser) {
    print(
      ctx.stderr,
      `Run ${summary.runId} waits for API quota until ${quotaUntil}; nothing was lost. "sfhs sync" resumes it by itself then, or: ${resume}`,
    );
    return exitCodes.waitingForQuota;
  }
  if (summary.state === 'paused') {
    print(ctx.stderr, pausedHint(ctx, summary.runId, summary.kind));
    return pausedByUser ? exitCodes.interrupted : exitCodes.failure;
  }
  if (summary.state === 'cancelled') return exitCodes.failure;
  if (summary.counts.failed > 0) {
    print(
      ctx.stderr,
      `${summary.counts.failed} record(s) failed and wait in the retry queue. ` +
        `See why: ${suggest(ctx, 'log', '--run', summary.runId, '--outcome', 'failed')}; retry now: ${suggest(ctx, 'resync', '--errors')}`,
    );
    return exitCodes.partialFailure;
  }
  return exitCodes.ok;
}
