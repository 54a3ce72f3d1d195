import { explain } from '../../../../shared/contract/explanations.js';
import {
  type RejectedValueGroup,
  type RunOutcome,
  directionLabels,
  valueFixLabels,
} from '../../../../shared/contract/outcome.js';
import { formatCount } from '../../format/format.js';
import { hrefFor } from '../../hooks/use-hash-route.js';

const GROUPS_SHOWN = 8;

const who = (group: RejectedValueGroup): string => {
  const names = group.records.map((r) => r.name ?? r.sfAccountId ?? r.hsCompanyId ?? '').filter(Boolean);
  const shown = names.slice(0, 3).join(', ');
  return group.count > 3 && shown ? `${shown} and ${formatCount(group.count - Math.min(3, names.length))} more` : shown;
};

/**
 * Field values the other system did not take: the record was written, these values were left out. Which field,
 * which value, why, on which records, and the fix. Shown wherever a run is counted, so nobody reads "0 failed" alone.
 */
export function RejectedValues({ outcome, id }: { outcome: RunOutcome; id?: string }) {
  const lists = [outcome.to_hubspot, outcome.to_salesforce].filter((d) => d.rejected.values > 0);
  if (lists.length === 0) return null;
  const would = outcome.dryRun;
  return (
    <section className="rejected" id={id} aria-label="Field values not written">
      <h3 className="rejected-title">
        {formatCount(outcome.totals.rejectedValues)} field value{outcome.totals.rejectedValues === 1 ? '' : 's'}{' '}
        {would ? 'would not be' : 'were not'} written
      </h3>
      <p className="muted small">
        {would ? 'These records would be written' : 'These records were written'} without the values below. Fix the
        cause and run again to fill them in.
      </p>
      {lists.map((d) => (
        <div key={d.direction} className="table-scroll">
          <table className="data-table rejected-table">
            <caption>
              {directionLabels[d.direction]}: {formatCount(d.rejected.values)} values in{' '}
              {formatCount(d.rejected.records)} records ({d.rejected.fields.join(', ')})
            </caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Value</th>
                <th scope="col">Why</th>
                <th scope="col" className="num">
                  Records
                </th>
                <th scope="col">Fix</th>
              </tr>
            </thead>
            <tbody>
              {d.rejected.groups.slice(0, GROUPS_SHOWN).map((g) => (
                <tr key={`${g.field}-${g.code}-${g.value ?? ''}`}>
                  <td className="mono">{g.field}</td>
                  <td>{g.value === null ? <span className="muted">not known</span> : <q>{g.value}</q>}</td>
                  <td>
                    <strong>{explain(g.code).label}.</strong> <span className="muted small">{g.message}</span>
                  </td>
                  <td className="num">
                    {formatCount(g.count)}
                    <div className="muted small">{who(g)}</div>
                  </td>
                  <td className="small">{explain(g.code).fix ?? g.fixes.map((f) => valueFixLabels[f]).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {d.rejected.groups.length > GROUPS_SHOWN && (
            <p className="muted small">
              And {formatCount(d.rejected.groups.length - GROUPS_SHOWN)} more kinds of value: see them all in the{' '}
              <a href={`${hrefFor('log')}?run=${encodeURIComponent(outcome.runId)}&outcome=rejected`}>Log</a>.
            </p>
          )}
        </div>
      ))}
      {!would && (
        <p className="small">
          <a href={hrefFor('sync-settings')}>Change the field mappings</a> ·{' '}
          <a href={`${hrefFor('log')}?run=${encodeURIComponent(outcome.runId)}&outcome=rejected`}>
            Every value not written, in the Log
          </a>
        </p>
      )}
    </section>
  );
}
