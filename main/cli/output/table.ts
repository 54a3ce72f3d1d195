/** Plain-text tables for terminals: padded columns, numbers right-aligned, long cells cut with an ellipsis. */

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Cells longer than this are cut (ids stay whole: give them no max). */
  max?: number;
}

const cut = (text: string, max: number | undefined) =>
  max !== undefined && text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;

export function formatTable(columns: Column[], rows: unknown[][]): string[] {
  const cells = rows.map((row) =>
    columns.map((c, i) => cut(row[i] === null || row[i] === undefined ? '' : String(row[i]), c.max)),
  );
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i]?.align === 'right' ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
}

/** Two columns, label and value: summaries such as run counts. */
export function formatPairs(pairs: [string, unknown][]): string[] {
  const width = Math.max(...pairs.map(([label]) => label.length));
  return pairs.map(([label, value]) => `${label.padEnd(width)}  ${String(value)}`);
}
