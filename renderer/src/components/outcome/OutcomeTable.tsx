import { type DirectionOutcome, type RunOutcome, directionLabels } from '../../../../shared/contract/outcome.js';
import { formatCount } from '../../format/format.js';
import type { Tone } from '../../format/meaning.js';

interface Row {
  label: string;
  hint: string;
  tone: Tone;
  value(d: DirectionOutcome): number;
  /** Rows shown only when some direction has a count (pending work, dropped values). */
  onlyIfAny?: boolean;
}

const doneRows: Row[] = [
  { label: 'Created', hint: 'new records', tone: 'ok', value: (d) => d.records.created },
  { label: 'Updated', hint: 'matched records with changes', tone: 'info', value: (d) => d.records.updated },
  { label: 'Unchanged', hint: 'nothing needed writing', tone: 'neutral', value: (d) => d.records.unchanged },
  { label: 'Held for review', hint: 'wait for a person', tone: 'warn', value: (d) => d.records.held },
  { label: 'Failed', hint: 'not written; retried automatically', tone: 'danger', value: (d) => d.records.failed },
  {
    label: 'Not written yet',
    hint: 'resume to write',
    tone: 'neutral',
    value: (d) => d.records.pending,
    onlyIfAny: true,
  },
];

const plannedRows: Row[] = [
  { label: 'Create', hint: 'new records', tone: 'ok', value: (d) => d.planned.create },
  { label: 'Update', hint: 'matched records with changes', tone: 'info', value: (d) => d.planned.update },
  { label: 'Unchanged', hint: 'nothing to write', tone: 'neutral', value: (d) => d.planned.skip },
  { label: 'Hold', hint: 'need a person: never guessed', tone: 'warn', value: (d) => d.planned.hold },
];

const rejectedRow: Row = {
  label: 'Field values not written',
  hint: 'the record was written without them',
  tone: 'danger',
  value: (d) => d.rejected.values,
};

/**
 * A run's numbers per direction, from the one outcome source: what it did (or, for a preview, would do). Import,
 * Sync health and the Log all show this table, so they cannot disagree. Rows that went wrong are coloured.
 */
export function OutcomeTable({ outcome, caption }: { outcome: RunOutcome; caption: string }) {
  const directions = [outcome.to_hubspot, outcome.to_salesforce];
  const rows = (outcome.dryRun ? plannedRows : doneRows).filter(
    (row) => !row.onlyIfAny || directions.some((d) => row.value(d) > 0),
  );
  return (
    <table className="data-table outcome-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Records</th>
          {directions.map((d) => (
            <th key={d.direction} scope="col" className="num">
              {directionLabels[d.direction]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <OutcomeRow key={row.label} row={row} directions={directions} />
        ))}
        <tr className="outcome-total">
          <th scope="row">Records considered</th>
          {directions.map((d) => (
            <td key={d.direction} className="num">
              {formatCount(d.considered)}
            </td>
          ))}
        </tr>
        <OutcomeRow row={rejectedRow} directions={directions} />
      </tbody>
    </table>
  );
}

function OutcomeRow({ row, directions }: { row: Row; directions: DirectionOutcome[] }) {
  return (
    <tr className="outcome-row">
      <th scope="row">
        <span className={`outcome-swatch tone-${row.tone}`} aria-hidden="true" />
        <span className="outcome-label">{row.label}</span>
        <span className="muted small"> {row.hint}</span>
      </th>
      {directions.map((d) => {
        const value = row.value(d);
        const alarming = value > 0 && (row.tone === 'danger' || row.tone === 'warn');
        return (
          <td key={d.direction} className={`num${alarming ? ` outcome-${row.tone}` : ''}`}>
            {formatCount(value)}
          </td>
        );
      })}
    </tr>
  );
}
