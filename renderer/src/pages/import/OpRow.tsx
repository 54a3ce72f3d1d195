import { useState } from 'react';
import type { RunOpView } from '../../../../shared/contract/runs.js';
import { Badge } from '../../components/Badge.js';
import { FieldDiff } from '../../components/FieldDiff.js';
import { parseDetail } from '../../format/detail.js';
import { categoryLabel, opDirection, reasonLabel } from '../../format/labels.js';

/** Changes shown before "show all": enough to recognise the record without making the table a wall. */
const FIRST_CHANGES = 3;

export function OpRow({ op }: { op: RunOpView }) {
  const [expanded, setExpanded] = useState(false);
  const detail = parseDetail(op.detail);
  const changes = expanded ? op.changes : op.changes.slice(0, FIRST_CHANGES);
  const hidden = op.changes.length - changes.length;
  return (
    <tr>
      <td>
        <Badge code={op.operation}>{op.operation}</Badge>
        <div className="muted small">{opDirection(op.system)}</div>
      </td>
      <td>
        <div className="mono" title="Salesforce account">
          {op.sfAccountId ?? '—'}
        </div>
        <div className="mono muted small" title="HubSpot company">
          {op.hsCompanyId ?? (op.operation === 'create' ? 'new company' : '')}
        </div>
      </td>
      <td>
        <Badge tone="neutral" title={op.reason}>
          {reasonLabel(op.reason)}
        </Badge>
      </td>
      <td className="changes-cell">
        {detail.candidates.length > 0 && (
          <p className="hold-candidates">
            Candidate companies: <span className="mono">{detail.candidates.join(', ')}</span>
          </p>
        )}
        {op.changes.length > 0 && (
          <FieldDiff
            caption={`Changes to ${op.sfAccountId ?? op.hsCompanyId ?? 'record'}`}
            rows={changes.map((c) => ({ field: c.field, before: c.before, after: c.after, conflict: !!c.conflict }))}
          />
        )}
        {op.changes.length > FIRST_CHANGES && (
          <button type="button" className="link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show fewer' : `Show ${hidden} more field${hidden === 1 ? '' : 's'}`}
          </button>
        )}
        {op.changes.length === 0 && detail.candidates.length === 0 && <span className="muted">No field changes</span>}
        {detail.problems.map((p) => (
          <p key={`${p.field}-${p.code}`} className="op-problem">
            <Badge tone="warn">{categoryLabel(p.category)}</Badge> {p.field}: {p.message}
          </p>
        ))}
        {detail.text && <p className="muted small">{detail.text}</p>}
        {op.errorMessage && (
          <p className="op-problem">
            <Badge tone="danger">{categoryLabel(op.errorCategory ?? 'failed')}</Badge> {op.errorMessage}
          </p>
        )}
      </td>
    </tr>
  );
}
