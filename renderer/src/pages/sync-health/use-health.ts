import { useCallback, useState } from 'react';
import type { OpError } from '../../../../shared/contract/result.js';
import type { HealthView } from '../../../../shared/contract/runs.js';
import { useApi } from '../../client/context.js';
import { useRefreshOnRun } from '../../hooks/use-refresh-on-run.js';

/** The health view, read on load and again whenever a run changes state (a `run` event), or on request. */
export function useHealth() {
  const api = useApi();
  const [health, setHealth] = useState<HealthView | null>(null);
  const [error, setError] = useState<OpError | null>(null);
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);

  const refresh = useCallback(async () => {
    const result = await api.getHealth({});
    if (result.ok) {
      setHealth(result.value);
      setError(null);
      setLoadedAt(new Date());
    } else setError(result.error);
  }, [api]);

  useRefreshOnRun(refresh);

  return { health, error, loadedAt, refresh };
}
