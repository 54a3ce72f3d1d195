import { countUnresolvedHolds, unresolvedHolds } from '../../engine/holds/queue.js';
import { decideHolds } from '../../engine/holds/resolve.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerDeps } from './index.js';
import { startPlannedRun } from './planned-run.js';

/** R6.4 hold review (the queue across runs, decisions carried out by a run) and R9.5 revert, in the background. */
export const holdHandlers = ({
  engine,
  db,
}: HandlerDeps): Pick<Handlers, 'listHolds' | 'resolveHolds' | 'revertRun'> => ({
  listHolds: ({ afterId, limit }) => ({
    holds: unresolvedHolds(db, afterId ?? '', limit),
    total: countUnresolvedHolds(db),
  }),
  resolveHolds: ({ actions }) => {
    const { started, accepted, rejected } = decideHolds(db, engine, actions);
    if (!started) return { run: null, accepted, rejected };
    started.finished.catch((error: unknown) => console.error('Hold review run ended with an error', error));
    return { run: engine.summary(started.runId), accepted, rejected };
  },
  revertRun: ({ runId, dryRun, deleteCreated }) =>
    startPlannedRun(engine, 'revert', { revertOf: runId, deleteCreated }, dryRun),
});
