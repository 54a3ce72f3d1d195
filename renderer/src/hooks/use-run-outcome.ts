import { useCallback, useEffect, useState } from 'react';
import type { RunOutcome } from '../../../shared/contract/outcome.js';
import type { OpError } from '../../../shared/contract/result.js';
import { useApi } from '../client/context.js';

/**
 * The one account of a run (`getRunOutcome`), read when `runId` is set, again whenever that run changes state, and
 * every `pollMs` while its numbers move.
 * `outcome` is null until it is known: a view then says "not known", never 0.
 */
export function useRunOutcome(runId: string | null, pollMs: number | null = null) {
  const api = useApi();
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const [error, setError] = useState<OpError | null>(null);

  const load = useCallback(
    async (id: string) => {
      const result = await api.getRunOutcome({ runId: id });
      if (result.ok) {
        setOutcome(result.value);
        setError(null);
      } else setError(result.error);
    },
    [api],
  );

  useEffect(() => {
    setOutcome((current) => (current?.runId === runId ? current : null));
    setError(null);
    if (runId === null) return;
    let active = true;
    void load(runId);
    const off = api.onRun((run) => {
      if (active && run.runId === runId) void load(runId);
    });
    const timer = pollMs === null ? null : setInterval(() => void load(runId), pollMs);
    return () => {
      active = false;
      off();
      if (timer !== null) clearInterval(timer);
    };
  }, [api, runId, load, pollMs]);

  return { outcome: outcome?.runId === runId ? outcome : null, error };
}
