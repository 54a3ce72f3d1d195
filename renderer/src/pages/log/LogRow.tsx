import { Fragment, useState } from 'react';
import type { LogEntryView } from '../../../../shared/contract/runs.js';
import { Badge } from '../../components/Badge.js';
import { FieldDiff } from '../../components/FieldDiff.js';
import { parseDetail } from '../../format/detail.js';
import { formatDateTime, formatValue } from '../../format/format.js';
import { categoryLabel, directionLabels, reasonLabel } from '../../format/labels.js';

const shortDirection: Record<string, string> = { sf_to_hs: 'SF → HS', hs_to_sf: 'HS → SF', local: 'local' };
import { logConflict, logFieldRows } from '../../format/log-changes.js';

const COLUMNS = 7;

/** One log entry; its toggle opens the field-level before → after (R9.1), conflicts marked (R7.4). */
export function LogRow({ entry }: { entry: LogEntryView }) {
  const [open, setOpen] = useState(false);
  const conflict = logConflict(entry);
  const isConflict = entry.outcome === 'conflict' || conflict !== null;
  const detail = parseDetail(entry.message);
  const rows = logFieldRows(entry).map((row) => ({ ...row, conflict: isConflict && row.changed }));
  const detailsId = `log-entry-${entry.id}`;
  return (
    <Fragment>
      <tr className={isConflict ? 'row-conflict' : undefined}>
        <td>
          <button
            type="button"
            className="row-toggle"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={`${open ? 'Hide' : 'Show'} details of entry ${entry.id}`}
            onClick={() => setOpen(!open)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        </td>
        <td className="nowrap">{formatDateTime(entry.at)}</td>
        <td>
          <span className="mono">{entry.sfAccountId ?? '—'}</span>
          <div className="mono muted small">{entry.hsCompanyId ?? ''}</div>
        </td>
        <td>
          {entry.operation}
          <div className="muted small" title={directionLabels[entry.direction]}>
            {shortDirection[entry.direction] ?? entry.direction}
          </div>
        </td>
        <td>{entry.reason ? reasonLabel(entry.reason) : '—'}</td>
        <td>
          <Badge code={entry.outcome}>{entry.outcome}</Badge>
          {entry.category && (
            <div>
              <Badge tone="danger">{categoryLabel(entry.category)}</Badge>
            </div>
          )}
        </td>
        <td className="message-cell">
          {detail.text ?? (detail.problems.length > 0 ? `${detail.problems.length} field problem(s)` : '')}
        </td>
      </tr>
      {open && (
        <tr id={detailsId} className="row-details">
          <td />
          <td colSpan={COLUMNS - 1}>
            <dl className="entry-meta">
              <dt>Entry</dt>
              <dd>{entry.id}</dd>
              <dt>Run</dt>
              <dd className="mono">{entry.runId ?? '—'}</dd>
              {entry.reason && (
                <>
                  <dt>Reason code</dt>
                  <dd className="mono">{entry.reason}</dd>
                </>
              )}
            </dl>
            {conflict && (
              <p className="conflict-note">
                Both sides changed since the last sync. Salesforce had <strong>{formatValue(conflict.sfValue)}</strong>,
                HubSpot had <strong>{formatValue(conflict.hsValue)}</strong>; the later change won.
              </p>
            )}
            <FieldDiff rows={rows} caption={`Fields of entry ${entry.id}`} />
            {detail.problems.map((p) => (
              <p key={`${p.field}-${p.code}`} className="op-problem">
                <Badge tone="warn">{categoryLabel(p.category)}</Badge> {p.field}: {p.message}
              </p>
            ))}
          </td>
        </tr>
      )}
    </Fragment>
  );
}
