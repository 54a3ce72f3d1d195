/**
 * What a resync did to one company, in a sentence for its row, read from the run's log entries for that company
 * (the same entries the Log shows): the account created or updated, a hold, a failure, values left out.
 */
import { explain } from '../../../../shared/contract/explanations.js';
import type { LogEntryView, RunSummary } from '../../../../shared/contract/runs.js';
import type { Tone } from '../../format/meaning.js';

export interface ResyncResult {
  tone: Tone;
  text: string;
  /** Further lines: values left out, the fix. */
  notes: string[];
}

const isValueProblem = (e: LogEntryView) => e.outcome === 'rejected';
const recordName = (e: LogEntryView) =>
  e.name && e.sfAccountId ? `${e.name} (${e.sfAccountId})` : (e.name ?? e.sfAccountId ?? 'the account');

/** "industry: "Transportation" is not an option. Add the option …": the field, why, and the fix. */
function valueNote(entry: LogEntryView): string {
  const why = explain(entry.reason ?? '');
  const what = entry.message ?? why.label;
  return why.fix ? `${what} ${why.fix}` : what;
}

export function resyncResult(run: RunSummary, entries: LogEntryView[]): ResyncResult {
  const records = entries.filter(
    (e) => e.operation !== 'field' && e.operation !== 'conflict' && e.outcome !== 'rejected',
  );
  const notes = entries.filter(isValueProblem).map(valueNote);
  const failed = records.find((e) => e.outcome === 'failed');
  if (failed) {
    const why = failed.category ? explain(failed.category) : null;
    return {
      tone: 'danger',
      text: `Failed${why ? ` (${why.label})` : ''}: ${failed.message ?? 'no message'}`,
      notes: why?.fix ? [why.fix, ...notes] : notes,
    };
  }
  const held = records.find((e) => e.outcome === 'held');
  if (held) {
    const why = explain(held.reason ?? '');
    return { tone: 'warn', text: `Held: ${why.label}. ${held.message ?? ''}`.trim(), notes: why.fix ? [why.fix] : [] };
  }
  const created = records.find(
    (e) => e.outcome === 'written' && e.operation === 'create' && e.direction === 'hs_to_sf',
  );
  const written = created ?? records.find((e) => e.outcome === 'written');
  const partly = notes.length > 0 ? `, ${notes.length} value${notes.length === 1 ? '' : 's'} left out` : '';
  if (written) {
    const verb = created ? 'Account created' : 'Updated';
    return {
      tone: notes.length > 0 ? 'warn' : 'ok',
      text: `${verb}: ${recordName(written)}${partly}`,
      notes,
    };
  }
  if (run.state === 'failed')
    return { tone: 'danger', text: `The resync failed: ${run.error ?? 'no reason given'}`, notes };
  if (run.state === 'cancelled')
    return { tone: 'neutral', text: 'The resync was cancelled; nothing was written.', notes };
  const skipped = records.find((e) => e.outcome === 'skipped');
  if (skipped) return { tone: 'neutral', text: `Nothing written: ${explain(skipped.reason ?? '').text}`, notes };
  return { tone: 'neutral', text: 'Nothing to write: the company and its account already agree.', notes };
}
