import type { ReactNode } from 'react';
import { formatCount } from '../format/format.js';

interface StatProps {
  label: string;
  value: number;
  tone?: 'ok' | 'info' | 'warn' | 'danger' | 'neutral';
  /** A line under the number: what it means. */
  hint?: ReactNode;
}

/** One big number with its label, for the summaries at the top of a page. */
export function Stat({ label, value, tone = 'neutral', hint }: StatProps) {
  return (
    <div className={`stat stat-${tone}`}>
      <dt className="stat-label">{label}</dt>
      <dd className="stat-value">{formatCount(value)}</dd>
      {hint && <dd className="stat-hint">{hint}</dd>}
    </div>
  );
}

export function StatGrid({ children, label }: { children: ReactNode; label: string }) {
  return (
    <dl className="stat-grid" aria-label={label}>
      {children}
    </dl>
  );
}
