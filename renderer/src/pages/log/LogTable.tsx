import type { LogEntryView } from '../../../../shared/contract/runs.js';
import { LogRow } from './LogRow.js';

export function LogTable({ entries }: { entries: LogEntryView[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table log-table">
        <caption className="visually-hidden">Log entries, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Details</span>
            </th>
            <th scope="col">Time</th>
            <th scope="col">Record</th>
            <th scope="col">Operation</th>
            <th scope="col">Reason</th>
            <th scope="col">Outcome</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <LogRow key={entry.id} entry={entry} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
