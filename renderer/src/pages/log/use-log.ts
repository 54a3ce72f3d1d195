import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpError } from '../../../../shared/contract/result.js';
import type { LogEntryView } from '../../../../shared/contract/runs.js';
import { useApi } from '../../client/context.js';
import type { LogQuery } from './log-query.js';

export const LOG_PAGE_SIZE = 50;

/** The log under a query, a page at a time: keyset paging on the entry id (`afterId`), "Load more" appends. */
export function useLog(query: LogQuery) {
  const api = useApi();
  const [entries, setEntries] = useState<LogEntryView[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<OpError | null>(null);
  // Answers to an older query (the filters changed meanwhile) are dropped.
  const generation = useRef(0);
  const key = JSON.stringify(query);

  const fetchPage = useCallback(
    async (afterId: number, append: boolean) => {
      const mine = ++generation.current;
      setLoading(true);
      const result = await api.queryLog({ ...(JSON.parse(key) as LogQuery), afterId, limit: LOG_PAGE_SIZE });
      if (mine !== generation.current) return;
      setLoading(false);
      if (!result.ok) return setError(result.error);
      setError(null);
      setTotal(result.value.total);
      setEntries((current) => (append ? [...current, ...result.value.entries] : result.value.entries));
    },
    [api, key],
  );

  useEffect(() => {
    void fetchPage(0, false);
  }, [fetchPage]);

  const loadMore = () => {
    const last = entries.at(-1);
    if (last) void fetchPage(last.id, true);
  };

  return { entries, total, loading, error, loadMore, hasMore: total !== null && entries.length < total };
}
