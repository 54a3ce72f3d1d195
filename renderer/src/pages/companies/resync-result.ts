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
  /** The account the company is now linked to, when the resync created or wrote one. */
  account: { id: string; name: string | null } | null;
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
      account: null,
    };
  }
  const held = records.find((e) => e.outcome === 'held');
  if (held) {
    const why = explain(held.reason ?? '');
    const fix = why.fix ? [why.fix] : [];
    return { tone: 'warn', text: `Held: ${why.label}. ${held.message ?? ''}`.trim(), notes: fix, account: null };
  }
  const created = records.find(
    (e) => e.outcome === 'written' && e.operation === 'create' && e.direction === 'hs_to_sf',
  );
  const written = created ?? records.find((e) => e.outcome === 'written');
  const partly = notes.length > 0 ? `, ${notes.length} value${notes.length === 1 ? '' : 's'} left out` : '';
  if (written) {
    // The create's own entry names the new account; an older log has it only on the write-back entry.
    const accountId = written.sfAccountId ?? entries.find((e) => e.sfAccountId)?.sfAccountId ?? null;
    const account = accountId ? { id: accountId, name: written.name } : null;
    return {
      tone: notes.length > 0 ? 'warn' : 'ok',
      text: `${created ? 'Account created' : 'Updated'}: ${recordName({ ...written, sfAccountId: accountId })}${partly}`,
      notes,
      account,
    };
  }
  const plain = (tone: Tone, text: string): ResyncResult => ({ tone, text, notes, account: null });
  if (run.state === 'failed') return plain('danger', `The resync failed: ${run.error ?? 'no reason given'}`);
  if (run.state === 'cancelled') return plain('neutral', 'The resync was cancelled; nothing was written.');
  const skipped = records.find((e) => e.outcome === 'skipped');
  if (skipped) return plain('neutral', `Nothing written: ${explain(skipped.reason ?? '').text}`);
  return plain('neutral', 'Nothing to write: the company and its account already agree.');
}
