import { useEffect, useState } from 'react';
import type { ConsoleApi } from '../../../shared/contract/api.js';
import type { OpError, Result } from '../../../shared/contract/result.js';
import { useApi } from '../client/context.js';

export type Live<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: OpError };

export interface LiveSource<T> {
  load(api: ConsoleApi): Promise<Result<T>>;
  subscribe(api: ConsoleApi, listener: (value: T) => void): () => void;
}

/**
 * A piece of main's state kept current: loaded once, then replaced by every push event. An event that arrives
 * before the load answers is newer than that answer, so the late load result is dropped.
 */
export function useLive<T>(source: LiveSource<T>): Live<T> {
  const api = useApi();
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  useEffect(() => {
    let active = true;
    let pushed = false;
    const unsubscribe = source.subscribe(api, (value) => {
      pushed = true;
      if (active) setState({ status: 'ready', value });
    });
    void source.load(api).then((result) => {
      if (!active || pushed) return;
      setState(result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error });
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [api, source]);
  return state;
}
