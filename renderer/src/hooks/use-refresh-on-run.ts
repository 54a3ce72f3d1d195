import { useEffect } from 'react';
import { useApi } from '../client/context.js';

/** Calls `refresh` now and again whenever a run changes state (a `run` event), until the component unmounts. */
export function useRefreshOnRun(refresh: () => Promise<void>): void {
  const api = useApi();
  useEffect(() => {
    let active = true;
    const load = () => {
      if (active) void refresh();
    };
    load();
    const off = api.onRun(load);
    return () => {
      active = false;
      off();
    };
  }, [api, refresh]);
}
