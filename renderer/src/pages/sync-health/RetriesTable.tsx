import { useState } from 'react';
import type { RetryView } from '../../../../shared/contract/runs.js';
import { Badge } from '../../components/Badge.js';
import { formatCount, formatDateTime, formatRelative } from '../../format/format.js';
import { categoryLabel } from '../../format/labels.js';

const FIRST = 20;

/** R9.3 the records waiting to be retried, with why they failed and when they are tried next. */
export function RetriesTable({ retries }: { retries: RetryView[] }) {
  const [all, setAll] = useState(false);
  if (retries.length === 0) return <p className="empty">No failed records. Every write went through.</p>;
  const shown = all ? retries : retries.slice(0, FIRST);
  return (
    <>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Failed records waiting for a retry</caption>
          <thead>
            <tr>
              <th scope="col">Record</th>
              <th scope="col">Category</th>
              <th scope="col">Message</th>
              <th scope="col" className="num">
                Attempts
              </th>
              <th scope="col">Next attempt</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={`${r.system}-${r.recordId}`}>
                <td>
                  <span className="mono">{r.recordId}</span>
                  <div className="muted small">
                    {r.operation} in {r.system === 'hubspot' ? 'HubSpot' : 'Salesforce'}
                  </div>
                </td>
                <td>
                  <Badge tone="danger">{categoryLabel(r.category)}</Badge>
                </td>
                <td className="message-cell">{r.message}</td>
                <td className="num">{r.attempts}</td>
                <td title={formatDateTime(r.nextAttemptAt)}>{formatRelative(r.nextAttemptAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {retries.length > FIRST && (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? `Show the first ${FIRST}` : `Show all ${formatCount(retries.length)}`}
        </button>
      )}
    </>
  );
}
