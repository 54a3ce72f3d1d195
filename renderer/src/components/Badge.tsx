import type { ReactNode } from 'react';
import { explain } from '../../../shared/contract/explanations.js';
import { tone as toneOf } from '../format/labels.js';
import { kindTone, type Tone } from '../format/meaning.js';

interface BadgeProps {
  children: ReactNode;
  /** The code the badge stands for; picks its colour. */
  code?: string;
  tone?: Tone;
  title?: string;
}

export function Badge({ children, code, tone, title }: BadgeProps) {
  return (
    <span className={`pill pill-${tone ?? (code ? toneOf(code) : 'neutral')}`} title={title}>
      {children}
    </span>
  );
}

/**
 * A reason, error code or category in plain words, coloured by what it means; the sentence (and the fix) on hover.
 * The code itself is not shown: it stays in the CSV and JSON exports and the Log's details.
 */
export function CodeBadge({ code }: { code: string }) {
  const e = explain(code);
  const title = e.fix ? `${e.text} ${e.fix}` : e.text;
  return (
    <span className={`pill pill-${kindTone[e.kind]}`} title={title} data-code={code}>
      {e.label}
    </span>
  );
}
