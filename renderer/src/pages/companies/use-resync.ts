import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunSummary } from '../../../../shared/contract/runs.js';
import { useApi } from '../../client/context.js';
import { isRunFinished } from '../../format/labels.js';
import { type ResyncResult, resyncResult } from './resync-result.js';

export type ResyncState =
  | { status: 'starting' }
  | { status: 'running'; runId: string }
  | { status: 'done'; runId: string; result: ResyncResult }
  | { status: 'refused'; message: string };

/**
 * Resync per company: starts the run, follows it through `run` events, and when it ends reads that company's log
 * entries of the run, so the row itself says what happened. The row stays where it is (a re-read preview would
 * move it out of a reason filter, and its result with it).
 */
export function useResync() {
  const api = useApi();
  const [resyncs, setResyncs] = useState<Record<string, ResyncState>>({});
  // runId → companyId, for runs still going.
  const following = useRef(new Map<string, string>());

  const conclude = useCallback(
    async (run: RunSummary, companyId: string) => {
      following.current.delete(run.runId);
      const log = await api.queryLog({ runId: run.runId, recordId: companyId, limit: 50 });
      const result: ResyncResult = log.ok
        ? resyncResult(run, log.value.entries)
        : { tone: 'danger', text: `The result could not be read: ${log.error.message}`, notes: [], account: null };
      setResyncs((r) => ({ ...r, [companyId]: { status: 'done', runId: run.runId, result } }));
    },
    [api],
  );

  useEffect(
    () =>
      api.onRun((run) => {
        const companyId = following.current.get(run.runId);
        if (companyId && isRunFinished(run.state)) void conclude(run, companyId);
      }),
    [api, conclude],
  );

  const resync = useCallback(
    async (companyId: string) => {
      setResyncs((r) => ({ ...r, [companyId]: { status: 'starting' } }));
      const started = await api.resyncCompanies({ companyIds: [companyId] });
      if (!started.ok) {
        setResyncs((r) => ({ ...r, [companyId]: { status: 'refused', message: started.error.message } }));
        return;
      }
      const run = started.value;
      following.current.set(run.runId, companyId);
      setResyncs((r) => ({ ...r, [companyId]: { status: 'running', runId: run.runId } }));
      // A short run can end before its `run` event is heard here: its stored state decides.
      const now = await api.getRun({ runId: run.runId });
      if (now.ok && isRunFinished(now.value.state) && following.current.has(run.runId))
        await conclude(now.value, companyId);
    },
    [api, conclude],
  );

  return { resyncs, resync };
}
