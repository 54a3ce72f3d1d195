import { formatValue, isBlank } from '../format/format.js';

export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  /** Highlighted: both sides changed since the last sync (R7.4). */
  conflict?: boolean;
  note?: string;
}

function Value({ value }: { value: unknown }) {
  return <span className={isBlank(value) ? 'value value-blank' : 'value'}>{formatValue(value)}</span>;
}

/** Field-level before → after, one line per field. */
export function FieldDiff({ rows, caption }: { rows: DiffRow[]; caption?: string }) {
  if (rows.length === 0) return <p className="muted small">No field changes.</p>;
  return (
    <table className="diff">
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead className="visually-hidden">
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} className={row.conflict ? 'diff-conflict' : undefined}>
            <th scope="row" className="diff-field">
              {row.field}
              {row.conflict && <span className="pill pill-warn">conflict</span>}
            </th>
            <td className="diff-before">
              <Value value={row.before} />
            </td>
            <td className="diff-after">
              <span className="diff-arrow" aria-hidden="true">
                →
              </span>
              <Value value={row.after} />
              {row.note && <span className="diff-note">{row.note}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
