import { type PreviewReason, previewReasons } from '../../../../shared/contract/preview.js';
import { explain } from '../../../../shared/contract/explanations.js';
import { formatCount } from '../../format/format.js';
import { kindLegend, kindTone } from '../../format/meaning.js';

/**
 * Companies per reason as a horizontal bar chart: a list (read as text by a screen reader) with one inline SVG bar
 * per reason, sized in percent and coloured by what the reason means (legend below). Each row filters the table.
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
  const kinds = new Set(previewReasons.map((r) => explain(r).kind));
  return (
    <>
      <ul className="bar-chart reason-chart" aria-label="Companies per reason">
        {previewReasons.map((reason) => {
          const count = counts[reason];
          const pct = count === 0 ? 0 : Math.max((count / max) * 100, 1.5);
          const e = explain(reason);
          return (
            <li key={reason} className={count > 0 ? 'bar-row bar-row-hit' : 'bar-row'}>
              <button
                type="button"
                className="link-button bar-label"
                aria-pressed={selected === reason}
                title={e.text}
                onClick={() => onSelect(selected === reason ? '' : reason)}
              >
                {e.label}
              </button>
              <svg className="bar" width="100%" height="14" aria-hidden="true">
                <rect className="bar-track" x="0" y="0" width="100%" height="14" rx="3" />
                {pct > 0 && (
                  <rect
                    className={`bar-fill tone-${kindTone[e.kind]}`}
                    x="0"
                    y="0"
                    width={`${pct}%`}
                    height="14"
                    rx="3"
                  />
                )}
              </svg>
              <span className="bar-count">
                {formatCount(count)}
                <span className="visually-hidden"> companies</span>
              </span>
            </li>
          );
        })}
      </ul>
      <ul className="chart-legend" aria-label="What the colours mean">
        {kindLegend
          .filter((entry) => kinds.has(entry.kind))
          .map((entry) => (
            <li key={entry.kind}>
              <span className={`legend-swatch tone-${kindTone[entry.kind]}`} aria-hidden="true" />
              {entry.label}
            </li>
          ))}
      </ul>
    </>
  );
}
