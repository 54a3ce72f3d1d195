import { useEffect, useState } from 'react';
import type { OpError } from '../../../../shared/contract/result.js';
import type { RunCounts, RunOpView } from '../../../../shared/contract/runs.js';
import { useApi } from '../../client/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatCount } from '../../format/format.js';
import { OpRow } from './OpRow.js';

type Filter = 'all' | RunOpView['operation'];

const PAGE_SIZE = 25;
const filters: { value: Filter; label: string; count(c: RunCounts): number }[] = [
  { value: 'all', label: 'All', count: (c) => c.create + c.update + c.skip + c.hold },
  { value: 'create', label: 'Create', count: (c) => c.create },
  { value: 'update', label: 'Update', count: (c) => c.update },
  { value: 'skip', label: 'Skip', count: (c) => c.skip },
  { value: 'hold', label: 'Hold', count: (c) => c.hold },
];

/** The planned operations of a run, a page at a time (keyset paging on `seq`), filtered by operation. */
export function PlannedOps({ runId, counts }: { runId: string; counts: RunCounts }) {
  const api = useApi();
  const [filter, setFilter] = useState<Filter>('all');
  // The `afterSeq` of every page seen so far: the last entry is the current page's.
  const [cursors, setCursors] = useState<number[]>([0]);
  const [rows, setRows] = useState<RunOpView[] | null>(null);
  const [hasNext, setHasNext] = useState(false);
  const [error, setError] = useState<OpError | null>(null);
  const afterSeq = cursors.at(-1) ?? 0;

  useEffect(() => {
    let active = true;
    void api
      .listRunOps({ runId, afterSeq, limit: PAGE_SIZE + 1, ...(filter === 'all' ? {} : { operation: filter }) })
      .then((result) => {
        if (!active) return;
        if (!result.ok) return setError(result.error);
        setError(null);
        setRows(result.value.slice(0, PAGE_SIZE));
        setHasNext(result.value.length > PAGE_SIZE);
      });
    return () => {
      active = false;
    };
  }, [api, runId, filter, afterSeq]);

  const choose = (next: Filter) => {
    setFilter(next);
    setCursors([0]);
  };
  const total = filters.find((f) => f.value === filter)?.count(counts) ?? 0;
  const first = (cursors.length - 1) * PAGE_SIZE + 1;
  const last = first + (rows?.length ?? 0) - 1;

  return (
    <div className="planned-ops">
      <div className="table-toolbar">
        <fieldset className="segmented">
          <legend className="visually-hidden">Show operations</legend>
          {filters.map((f) => (
            <button
              key={f.value}
              type="button"
              className="segment"
              aria-pressed={filter === f.value}
              onClick={() => choose(f.value)}
            >
              {f.label} <span className="segment-count">{formatCount(f.count(counts))}</span>
            </button>
          ))}
        </fieldset>
        <span className="muted small" role="status">
          {rows && rows.length > 0 ? `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}` : ''}
        </span>
      </div>
      {error && <ErrorNotice title="The planned operations could not be read." error={error} />}
      {rows && rows.length === 0 && <p className="empty">No planned operations of this kind.</p>}
      {rows && rows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table ops-table">
            <caption className="visually-hidden">Planned operations</caption>
            <thead>
              <tr>
                <th scope="col">Operation</th>
                <th scope="col">Account / company</th>
                <th scope="col">Reason</th>
                <th scope="col">Changes</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((op) => (
                <OpRow key={op.seq} op={op} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="pager">
        <button
          type="button"
          className="btn"
          disabled={cursors.length === 1}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          ← Previous
        </button>
        <button
          type="button"
          className="btn"
          disabled={!hasNext || !rows}
          onClick={() => rows && setCursors([...cursors, rows.at(-1)?.seq ?? afterSeq])}
        >
          Next →
        </button>
      </div>
    </div>
  );
}
