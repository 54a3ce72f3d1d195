/**
 * Plain words for every code a person can meet: reason codes (why a record was created, updated, skipped or held),
 * error codes and error categories. The UI and the CLI show `label` (and `text` beside it) instead of the code;
 * the code itself stays in CSV and JSON exports. Never put a rule id here: this is what users read.
 */
import { errorRows } from './explanation-errors.js';
import { reasonRows } from './explanation-reasons.js';

/**
 * What a code means for the record, so every view colours it the same way: `create` a new record, `update` a write
 * to a matched record, `linked` already paired (nothing new), `veto` a rule said no, `skip` nothing to do, `hold`
 * waiting for a person, `warning` written with a caveat, `error` something went wrong.
 */
export type ExplanationKind = 'create' | 'update' | 'linked' | 'veto' | 'skip' | 'hold' | 'warning' | 'error';

export interface Explanation {
  /** A few words, for a badge, a chart bar or a table cell. */
  label: string;
  /** One sentence: what happened and why. */
  text: string;
  /** What a person can do about it, when there is something to do. */
  fix: string | null;
  kind: ExplanationKind;
}

/** A compact table row: kind, label, text, fix. */
export type ExplanationRow = readonly [ExplanationKind, string, string, string?];

const toExplanations = (rows: Record<string, ExplanationRow>): Record<string, Explanation> =>
  Object.fromEntries(
    Object.entries(rows).map(([code, [kind, label, text, fix]]) => [code, { kind, label, text, fix: fix ?? null }]),
  );

/** Why a record was created, updated, skipped or held (plan, preview, field merge and field-value codes). */
export const reasonExplanations: Readonly<Record<string, Explanation>> = toExplanations(reasonRows);
/** Error codes (ours and the remote systems') and error categories. */
export const errorExplanations: Readonly<Record<string, Explanation>> = toExplanations(errorRows);

/** "MATCHED_BY_CONTACTS" → "Matched by contacts", for a code nobody has explained yet (it is never hidden). */
export function codeToWords(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The explanation of any code: reasons first, then error codes and categories; null when the code is unknown. */
export function findExplanation(code: string): Explanation | null {
  return reasonExplanations[code] ?? errorExplanations[code] ?? null;
}

/** Always an answer: an unknown code gets its own words and no fix, so a new code shows up rather than vanishing. */
export function explain(code: string): Explanation {
  return findExplanation(code) ?? { label: codeToWords(code), text: codeToWords(code), fix: null, kind: 'skip' };
}

/** "Label: text" on one line, plus " Fix: …" when there is one (for the CLI and title attributes). */
export function explainLine(code: string): string {
  const e = explain(code);
  const head = e.text === e.label ? e.label : `${e.label}: ${e.text}`;
  return e.fix ? `${head} Fix: ${e.fix}` : head;
}
