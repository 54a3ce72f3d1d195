import { useEffect, useMemo, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Page } from '../components/Page.js';
import { formatCount } from '../format/format.js';
import { ExportLogButton } from './log/ExportLogButton.js';
import { LogFilterForm } from './log/LogFilterForm.js';
import { activeFilterCount, filtersFromHash, toLogQuery } from './log/log-query.js';
import { LogTable } from './log/LogTable.js';
import { RunOutcomeCard } from './log/RunOutcomeCard.js';
import { useLog } from './log/use-log.js';

/** R9.1 / R9.5 every write and every decision not to write, filterable and exportable from local data. */
export function LogPage() {
  const [filters, setFilters] = useState(() => filtersFromHash(window.location.hash));
  // A link to a filtered log while the Log is open (from a run's numbers) changes only the hash.
  useEffect(() => {
    const onHash = () => setFilters(filtersFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const query = useMemo(() => toLogQuery(filters), [filters]);
  const log = useLog(query);
  const filtered = activeFilterCount(filters) > 0;
  return (
    <Page
      id="log"
      title="Log"
      lead="Every write and every decision not to write, with field values before and after. Read from this computer: works offline."
      wide
    >
      <LogFilterForm applied={filters} onApply={setFilters} />
      {query.runId && <RunOutcomeCard runId={query.runId} />}
      <section className="card" aria-labelledby="log-results-title">
        <div className="card-head">
          <h2 id="log-results-title">
            {log.total === null
              ? 'Entries'
              : `${formatCount(log.total)} ${log.total === 1 ? 'entry' : 'entries'}${filtered ? ' match' : ''}`}
          </h2>
          <ExportLogButton query={query} />
        </div>
        {log.error && <ErrorNotice title="The log could not be read." error={log.error} />}
        {log.total === 0 && (
          <p className="empty">{filtered ? 'No entries match these filters.' : 'Nothing logged yet.'}</p>
        )}
        {log.entries.length > 0 && <LogTable entries={log.entries} />}
        {log.entries.length > 0 && (
          <div className="pager">
            <span className="muted small" role="status">
              Showing {formatCount(log.entries.length)} of {formatCount(log.total ?? 0)}
            </span>
            {log.hasMore && (
              <button type="button" className="btn" disabled={log.loading} onClick={log.loadMore}>
                {log.loading ? 'Loading…' : 'Load more'}
              </button>
            )}
          </div>
        )}
      </section>
    </Page>
  );
}
