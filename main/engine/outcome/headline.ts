/** The sentence a person reads first about a run: what happened, and what went wrong, never "0 failed" alone. */
import type { RunOutcome } from '../../../shared/contract/index.js';

const n = (value: number) => value.toLocaleString('en-US');
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;

function fieldList(fields: string[]): string {
  const shown = fields.slice(0, 3).join(', ');
  return fields.length > 3 ? `${shown} and ${fields.length - 3} more` : shown;
}

function problems(o: Omit<RunOutcome, 'headline'>, would: boolean): string[] {
  // One mapping names its field twice (HubSpot `industry`, Salesforce `Industry`): a person reads it once.
  const byName = new Map<string, string>();
  for (const field of [...o.to_hubspot.rejected.fields, ...o.to_salesforce.rejected.fields]) {
    if (!byName.has(field.toLowerCase())) byName.set(field.toLowerCase(), field);
  }
  const fields = [...byName.values()];
  const parts: string[] = [];
  if (o.totals.failed > 0) parts.push(`${plural(o.totals.failed, 'record')} failed`);
  if (o.totals.rejectedValues > 0)
    parts.push(
      `${plural(o.totals.rejectedValues, 'value')} ${would ? 'would be' : 'were'} rejected (${fieldList(fields)})`,
    );
  if (o.totals.held > 0) parts.push(`${plural(o.totals.held, 'record')} held for review`);
  return parts;
}

export function headlineOf(o: Omit<RunOutcome, 'headline'>): string {
  const writes = (d: RunOutcome['to_hubspot']) => d.planned.create + d.planned.update;
  const written = (d: RunOutcome['to_hubspot']) => d.records.created + d.records.updated;
  switch (o.verdict) {
    case 'preview': {
      const issues = problems(o, true);
      return (
        `Preview: ${n(writes(o.to_hubspot))} to write in HubSpot, ${n(writes(o.to_salesforce))} in Salesforce` +
        (issues.length ? `; ${issues.join(', ')}.` : '.')
      );
    }
    case 'unfinished': {
      const state = o.state === 'completed' ? 'unfinished' : o.state;
      return `Run ${state}: ${plural(o.totals.pending, 'record')} not written yet${o.error ? ` (${o.error})` : ''}.`;
    }
    case 'nothing_to_do':
      return 'Nothing to write: every record was up to date.';
    case 'clean':
      return `All written: ${n(written(o.to_hubspot))} in HubSpot, ${n(written(o.to_salesforce))} in Salesforce.`;
    default:
      return (
        `Written with problems: ${n(written(o.to_hubspot))} in HubSpot, ${n(written(o.to_salesforce))} in ` +
        `Salesforce; ${problems(o, false).join(', ')}.`
      );
  }
}
