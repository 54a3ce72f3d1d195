import { useCallback, useState } from 'react';
import type { HoldActionInput, HoldActionsOutcome, HoldsPage } from '../../../../shared/contract/engagement.js';
import type { OpError } from '../../../../shared/contract/result.js';
import { useApi } from '../../client/context.js';
import { useRefreshOnRun } from '../../hooks/use-refresh-on-run.js';

/** The hold queue, read on load and again whenever a run changes state; decisions sent to main. */
export function useHolds() {
  const api = useApi();
  const [page, setPage] = useState<HoldsPage | null>(null);
  const [error, setError] = useState<OpError | null>(null);
  const [outcome, setOutcome] = useState<HoldActionsOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const result = await api.listHolds({ limit: 500 });
    if (result.ok) {
      setPage(result.value);
      setError(null);
    } else setError(result.error);
  }, [api]);

  useRefreshOnRun(refresh);

  const decide = async (actions: HoldActionInput[]) => {
    setBusy(true);
    const result = await api.resolveHolds({ actions });
    setBusy(false);
    if (result.ok) {
      setOutcome(result.value);
      setError(null);
    } else setError(result.error);
    await refresh();
  };

  return { page, error, outcome, busy, decide };
}
