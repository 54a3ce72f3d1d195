import { Fragment, useState } from 'react';
import type { LogEntryView } from '../../../../shared/contract/runs.js';
import { explain } from '../../../../shared/contract/explanations.js';
import { Badge, CodeBadge } from '../../components/Badge.js';
import { FieldDiff } from '../../components/FieldDiff.js';
import { parseDetail } from '../../format/detail.js';
import { formatDateTime, formatValue } from '../../format/format.js';
import { categoryLabel, logDirectionLabels, outcomeLabels } from '../../format/labels.js';
import { logConflict, logFieldRows } from '../../format/log-changes.js';

const COLUMNS = 7;

/** The message as a sentence: older entries kept JSON details, which are turned into words here. */
function messageText(entry: LogEntryView): string {
  const detail = parseDetail(entry.message);
  if (detail.text !== null) return detail.text;
  const parts: string[] = [];
  if (detail.candidates.length > 0) parts.push(`Candidate companies: ${detail.candidates.join(', ')}`);
  for (const p of detail.problems) parts.push(`${p.field}: ${p.message}`);
  return parts.join('. ');
}

/** What to do about the entry, when its reason or category has a fix. */
const fixOf = (entry: LogEntryView): string | null =>
  entry.outcome === 'rejected' || entry.outcome === 'failed' || entry.outcome === 'held'
    ? (explain(entry.reason ?? entry.category ?? '').fix ?? (entry.category ? explain(entry.category).fix : null))
    : null;

/** One log entry; its toggle opens the field-level before → after (R9.1), conflicts marked (R7.4). */
export function LogRow({ entry }: { entry: LogEntryView }) {
  const [open, setOpen] = useState(false);
  const conflict = logConflict(entry);
  const isConflict = entry.outcome === 'conflict' || conflict !== null;
  const rows = logFieldRows(entry).map((row) => ({ ...row, conflict: isConflict && row.changed }));
  const detailsId = `log-entry-${entry.id}`;
  const fix = fixOf(entry);
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
        <td className="record-cell">
          <strong>{entry.name ?? <span className="muted">(no name)</span>}</strong>
          {entry.domain && <div className="muted small">{entry.domain}</div>}
          <div className="mono muted small">{[entry.sfAccountId, entry.hsCompanyId].filter(Boolean).join(' · ')}</div>
        </td>
        <td>
          {entry.operation === 'field' ? 'field value' : entry.operation}
          <div className="muted small">{logDirectionLabels[entry.direction]}</div>
        </td>
        <td>{entry.reason ? <CodeBadge code={entry.reason} /> : '—'}</td>
        <td>
          <Badge code={entry.outcome}>{outcomeLabels[entry.outcome] ?? entry.outcome}</Badge>
          {entry.category && entry.outcome !== 'rejected' && (
            <div>
              <Badge tone="danger">{categoryLabel(entry.category)}</Badge>
            </div>
          )}
        </td>
        <td className="message-cell">
          {messageText(entry)}
          {fix && <div className="muted small">Fix: {fix}</div>}
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
                  <dt>Why</dt>
                  <dd>{explain(entry.reason).text}</dd>
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
          </td>
        </tr>
      )}
    </Fragment>
  );
}
