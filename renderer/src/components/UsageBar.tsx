import { formatCount, formatPercent } from '../format/format.js';

interface UsageBarProps {
  label: string;
  used: number;
  max: number;
  /**
   * A line drawn across the bar where the console stops (e.g. 0.9 for 90 % of the org's limit).
   * R8.2: the console pauses before it reaches that share.
   */
  limitAt?: number;
  limitLabel?: string;
}

/** Used against allowed, as an inline SVG bar (percent widths, no inline styles: the CSP forbids them). */
export function UsageBar({ label, used, max, limitAt, limitLabel }: UsageBarProps) {
  const fraction = max > 0 ? Math.min(used / max, 1) : 0;
  const tone = fraction >= (limitAt ?? 0.9) ? 'danger' : fraction >= 0.75 ? 'warn' : 'ok';
  const text = `${formatCount(used)} of ${formatCount(max)} (${formatPercent(fraction)})`;
  return (
    <div className="usage">
      <div className="usage-head">
        <span className="usage-label">{label}</span>
        <span className="usage-value">{text}</span>
      </div>
      <svg className="usage-bar" width="100%" height="16" role="img" aria-label={`${label}: ${text}`}>
        <rect className="usage-track" x="0" y="3" width="100%" height="10" rx="5" />
        <rect
          className={`usage-fill usage-${tone}`}
          x="0"
          y="3"
          width={`${Math.max(fraction * 100, used > 0 ? 0.8 : 0)}%`}
          height="10"
          rx="5"
        />
        {limitAt !== undefined && (
          <line className="usage-limit" x1={`${limitAt * 100}%`} x2={`${limitAt * 100}%`} y1="0" y2="16">
            {limitLabel && <title>{limitLabel}</title>}
          </line>
        )}
      </svg>
      {limitLabel && <span className="usage-note">{limitLabel}</span>}
    </div>
  );
}
