import type { RunOpView } from '../../../shared/contract/index.js';
import { listRuns, getRun } from '../../engine/runs/runs-store.js';
import { runOutcome } from '../../engine/outcome/run-outcome.js';
import { opsPage } from '../../engine/runs/ops-store.js';
import { AppError } from '../errors.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerDeps } from './index.js';

type RunHandlers = Pick<
  Handlers,
  | 'startRun'
  | 'resumeRun'
  | 'pauseRun'
  | 'cancelRun'
  | 'listRuns'
  | 'getRun'
  | 'getRunOutcome'
  | 'listRunOps'
  | 'syncNow'
  | 'resyncErrors'
>;

/** Real runs go on in the background (the window follows them through `progress` and `run` events). */
export const runHandlers = ({ engine, db }: HandlerDeps): RunHandlers => {
  const background = (finished: Promise<unknown>) => {
    finished.catch((error: unknown) => console.error('Run ended with an error', error));
  };
  return {
    startRun: async ({ kind, dryRun, where, accountIds }) => {
      const started = engine.start({
        kind,
        dryRun,
        ...(where ? { where } : {}),
        ...(accountIds ? { accountIds } : {}),
      });
      if (dryRun) return started.finished;
      background(started.finished);
      return engine.summary(started.runId);
    },
    resyncErrors: ({ category }) => {
      const started = engine.resyncErrors(category);
      if (!started) return null;
      background(started.finished);
      return engine.summary(started.runId);
    },
    syncNow: () => {
      const started = engine.start({ kind: 'sync', dryRun: false });
      background(started.finished);
      return engine.summary(started.runId);
    },
    resumeRun: ({ runId }) => {
      const started = engine.startResume(runId);
      background(started.finished);
      return engine.summary(started.runId);
    },
    pauseRun: ({ runId }) => {
      engine.pause(runId);
      return engine.summary(runId);
    },
    cancelRun: ({ runId }) => {
      engine.cancel(runId);
      return engine.summary(runId);
    },
    listRuns: ({ limit, includeDryRuns }) =>
      listRuns(db, limit, { includeDryRuns }).map((run) => engine.summary(run.id)),
    getRunOutcome: ({ runId }) => runOutcome(db, runId),
    getRun: ({ runId }) => {
      if (!getRun(db, runId)) throw new AppError('NOT_FOUND', `No run ${runId} in this data folder.`);
      return engine.summary(runId);
    },
    listRunOps: ({ runId, operation, state, afterSeq, limit }) =>
      opsPage(db, runId, { operation, state, afterSeq, limit }).map(
        (op): RunOpView => ({
          seq: op.seq,
          system: op.system,
          operation: op.operation,
          sfAccountId: op.sfAccountId,
          hsCompanyId: op.hsCompanyId,
          reason: op.reason,
          state: op.state,
          changes: op.diff,
          detail: op.detail ?? null,
          errorCategory: op.errorCategory,
          errorMessage: op.errorMessage,
        }),
      ),
  };
};
