import { formatCount } from '../../format/format.js';
import { categoryLabel, errorCategories } from '../../format/labels.js';

interface ChartRow {
  category: string;
  /** Records that failed as a whole and wait for a retry. */
  records: number;
  /** Field values left out of records that were written (the last run). */
  values: number;
}

/** Every error category, plus any other the engine reported, with its failed records and values not written. */
export function chartRows(
  errorsByCategory: Record<string, number>,
  valuesByCategory: Record<string, number> = {},
): ChartRow[] {
  const known = errorCategories as readonly string[];
  const extra = [...Object.keys(errorsByCategory), ...Object.keys(valuesByCategory)].filter((c) => !known.includes(c));
  return [...new Set([...known, ...extra])].map((category) => ({
    category,
    records: errorsByCategory[category] ?? 0,
    values: valuesByCategory[category] ?? 0,
  }));
}

const countText = (row: ChartRow): string => {
  const parts = [];
  if (row.records > 0 || row.values === 0) parts.push(`${formatCount(row.records)}`);
  if (row.values > 0) parts.push(`${formatCount(row.values)} value${row.values === 1 ? '' : 's'}`);
  return parts.join(' · ');
};

/**
 * R9.4 problems per category as a horizontal bar chart: a list (read as text by a screen reader) with one inline
 * SVG bar per row, sized in percent. A category with values not written is not shown as 0.
 */
export function ErrorChart({
  errorsByCategory,
  valuesByCategory,
}: {
  errorsByCategory: Record<string, number>;
  valuesByCategory?: Record<string, number>;
}) {
  const rows = chartRows(errorsByCategory, valuesByCategory);
  const max = Math.max(1, ...rows.map((r) => r.records + r.values));
  return (
    <ul className="bar-chart" aria-label="Problems per error category">
      {rows.map((row) => {
        const total = row.records + row.values;
        const pct = total === 0 ? 0 : Math.max((total / max) * 100, 1.5);
        return (
          <li key={row.category} className={total > 0 ? 'bar-row bar-row-hit' : 'bar-row'}>
            <span className="bar-label">{categoryLabel(row.category)}</span>
            <svg className="bar" width="100%" height="14" aria-hidden="true">
              <rect className="bar-track" x="0" y="0" width="100%" height="14" rx="3" />
              {pct > 0 && <rect className="bar-fill tone-danger" x="0" y="0" width={`${pct}%`} height="14" rx="3" />}
            </svg>
            <span className="bar-count">{countText(row)}</span>
          </li>
        );
      })}
    </ul>
  );
}
