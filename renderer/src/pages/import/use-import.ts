import { useCallback, useEffect, useState } from 'react';
import type { OpError } from '../../../../shared/contract/result.js';
import type { RunSummary } from '../../../../shared/contract/runs.js';
import { useApi } from '../../client/context.js';
import { isRunResumable } from '../../format/labels.js';

export type PreviewState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; summary: RunSummary; where: string }
  | { status: 'error'; error: OpError };

/**
 * The import wizard's state: the optional condition, the preview (a dry run), and the real run once started.
 * On load, an unfinished real import (paused, planned, or still running) is found so the page can offer it.
 */
export function useImport() {
  const api = useApi();
  const [where, setWhere] = useState('');
  const [preview, setPreview] = useState<PreviewState>({ status: 'idle' });
  const [run, setRun] = useState<RunSummary | null>(null);
  const [unfinished, setUnfinished] = useState<RunSummary | null>(null);
  const [error, setError] = useState<OpError | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    let active = true;
    // Real runs only: a preview is not history.
    void api.listRuns({ limit: 50, includeDryRuns: false }).then((result) => {
      if (!active || !result.ok) return;
      const found = result.value.find((r) => r.kind === 'import' && !r.dryRun && isRunResumable(r.state));
      if (!found) return;
      // A run still going (the page was left and opened again) is simply shown; a stopped one is offered.
      if (found.state === 'running') setRun((current) => current ?? found);
      else setUnfinished(found);
    });
    return () => {
      active = false;
    };
  }, [api]);

  const runPreview = useCallback(async () => {
    setPreview({ status: 'loading' });
    const condition = where.trim();
    const result = await api.startRun({ kind: 'import', dryRun: true, ...(condition ? { where: condition } : {}) });
    setPreview(
      result.ok
        ? { status: 'ready', summary: result.value, where: condition }
        : { status: 'error', error: result.error },
    );
  }, [api, where]);

  const startImport = useCallback(async () => {
    if (preview.status !== 'ready') return;
    setStarting(true);
    setError(null);
    const condition = preview.where;
    const result = await api.startRun({ kind: 'import', dryRun: false, ...(condition ? { where: condition } : {}) });
    setStarting(false);
    if (result.ok) {
      setRun(result.value);
      setUnfinished(null);
    } else setError(result.error);
  }, [api, preview]);

  const resume = useCallback(
    async (runId: string) => {
      setError(null);
      const result = await api.resumeRun({ runId });
      if (result.ok) {
        setRun(result.value);
        setUnfinished(null);
      } else setError(result.error);
    },
    [api],
  );

  const cancelUnfinished = useCallback(
    async (runId: string) => {
      setError(null);
      const result = await api.cancelRun({ runId });
      if (result.ok) setUnfinished(null);
      else setError(result.error);
    },
    [api],
  );

  return {
    where,
    setWhere,
    preview,
    runPreview,
    run,
    startImport,
    starting,
    unfinished,
    resume,
    cancelUnfinished,
    error,
    /** After a run ended: back to step 1 with the same condition, ready for a fresh preview. */
    runAgain: () => {
      setRun(null);
      setPreview({ status: 'idle' });
      window.scrollTo({ top: 0, behavior: 'smooth' });
    },
  };
}
