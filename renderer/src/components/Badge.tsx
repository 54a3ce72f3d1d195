import type { ReactNode } from 'react';
import { tone as toneOf } from '../format/labels.js';

interface BadgeProps {
  children: ReactNode;
  /** The code the badge stands for; picks its colour. */
  code?: string;
  tone?: 'ok' | 'info' | 'warn' | 'danger' | 'neutral';
  title?: string;
}

export function Badge({ children, code, tone, title }: BadgeProps) {
  return (
    <span className={`pill pill-${tone ?? (code ? toneOf(code) : 'neutral')}`} title={title}>
      {children}
    </span>
  );
}
