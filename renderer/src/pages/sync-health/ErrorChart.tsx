import { formatCount } from '../../format/format.js';
import { categoryLabel, errorCategories } from '../../format/labels.js';

/** Every R9.2 category, plus any other the engine reported, with its count. */
export function chartRows(errorsByCategory: Record<string, number>): { category: string; count: number }[] {
  const extra = Object.keys(errorsByCategory).filter((c) => !(errorCategories as readonly string[]).includes(c));
  return [...errorCategories, ...extra].map((category) => ({ category, count: errorsByCategory[category] ?? 0 }));
}

/**
 * R9.4 errors per category as a horizontal bar chart: a list (so it reads as text to a screen reader) with one
 * inline SVG bar per row, sized in percent so labels keep their real size at any width. No chart library.
 */
export function ErrorChart({ errorsByCategory }: { errorsByCategory: Record<string, number> }) {
  const rows = chartRows(errorsByCategory);
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <ul className="bar-chart" aria-label="Failed records per error category">
      {rows.map((row) => {
        const pct = row.count === 0 ? 0 : Math.max((row.count / max) * 100, 1.5);
        return (
          <li key={row.category} className={row.count > 0 ? 'bar-row bar-row-hit' : 'bar-row'}>
            <span className="bar-label">{categoryLabel(row.category)}</span>
            <svg className="bar" width="100%" height="14" aria-hidden="true">
              <rect className="bar-track" x="0" y="0" width="100%" height="14" rx="3" />
              {pct > 0 && <rect className="bar-fill" x="0" y="0" width={`${pct}%`} height="14" rx="3" />}
            </svg>
            <span className="bar-count">
              {formatCount(row.count)}
              <span className="visually-hidden"> failed</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
