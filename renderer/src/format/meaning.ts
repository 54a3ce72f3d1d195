/**
 * Colours with one meaning on every page: green creates, blue updates, slate is already linked, light grey is
 * nothing to do, violet is a rule saying no, amber waits for a person or carries a warning, red went wrong.
 */
import type { ExplanationKind } from '../../../shared/contract/explanations.js';

export type Tone = 'ok' | 'info' | 'warn' | 'danger' | 'neutral' | 'veto' | 'linked';

export const kindTone: Record<ExplanationKind, Tone> = {
  create: 'ok',
  update: 'info',
  linked: 'linked',
  skip: 'neutral',
  veto: 'veto',
  hold: 'warn',
  warning: 'warn',
  error: 'danger',
};

/** The legend under a chart coloured by kind: what each colour means, in the order a person meets them. */
export const kindLegend: { kind: ExplanationKind; label: string }[] = [
  { kind: 'create', label: 'Creates a record' },
  { kind: 'veto', label: 'A rule says no' },
  { kind: 'skip', label: 'Nothing to do' },
  { kind: 'linked', label: 'Already linked' },
  { kind: 'hold', label: 'Waits for a person' },
  { kind: 'error', label: 'Went wrong' },
];
