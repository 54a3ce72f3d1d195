import type { ReactNode } from 'react';
import { formatCount } from '../format/format.js';

interface StatProps {
  label: string;
  /** null: the number is not known (never shown as 0). */
  value: number | null;
  tone?: 'ok' | 'info' | 'warn' | 'danger' | 'neutral';
  /** A line under the number: what it means. */
  hint?: ReactNode;
}

/** One big number with its label, for the summaries at the top of a page. */
export function Stat({ label, value, tone = 'neutral', hint }: StatProps) {
  return (
    <div className={`stat stat-${tone}`}>
      <dt className="stat-label">{label}</dt>
      <dd className={value === null ? 'stat-value stat-unknown' : 'stat-value'}>
        {value === null ? 'not known' : formatCount(value)}
      </dd>
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
