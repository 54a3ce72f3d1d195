import { type PreviewReason, previewReasons } from '../../../../shared/contract/preview.js';
import { formatCount } from '../../format/format.js';
import { reasonText } from './reasons.js';

/**
 * R3.4 companies per reason as a horizontal bar chart: a list (read as text by a screen reader) with one inline SVG
 * bar per reason, sized in percent. Each row filters the table to its reason.
 */
export function ReasonChart({
  counts,
  selected,
  onSelect,
}: {
  counts: Record<PreviewReason, number>;
  selected: PreviewReason | '';
  onSelect: (reason: PreviewReason | '') => void;
}) {
  const max = Math.max(1, ...previewReasons.map((r) => counts[r]));
  return (
    <ul className="bar-chart reason-chart" aria-label="Companies per reason">
      {previewReasons.map((reason) => {
        const count = counts[reason];
        const pct = count === 0 ? 0 : Math.max((count / max) * 100, 1.5);
        return (
          <li key={reason} className={count > 0 ? 'bar-row bar-row-hit' : 'bar-row'}>
            <button
              type="button"
              className="link-button bar-label"
              aria-pressed={selected === reason}
              title={reasonText[reason]}
              onClick={() => onSelect(selected === reason ? '' : reason)}
            >
              {reason}
            </button>
            <svg className="bar" width="100%" height="14" aria-hidden="true">
              <rect className="bar-track" x="0" y="0" width="100%" height="14" rx="3" />
              {pct > 0 && <rect className="bar-fill" x="0" y="0" width={`${pct}%`} height="14" rx="3" />}
            </svg>
            <span className="bar-count">
              {formatCount(count)}
              <span className="visually-hidden"> companies</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
