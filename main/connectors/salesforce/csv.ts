/**
 * RFC 4180 CSV as Bulk API 2.0 returns it: a header row, quoted fields that may hold commas, quotes ("") and line
 * breaks. One page of results at a time, so memory stays bounded by the page size.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let value: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      let end = i + 1;
      let chunks = '';
      for (;;) {
        const quote = text.indexOf('"', end);
        if (quote === -1) throw new Error('CSV: a quoted field is not closed.');
        chunks += text.slice(end, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          chunks += '"';
          end = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      value = chunks;
    } else {
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === 44 || c === 10 || c === 13) break;
        end++;
      }
      value = text.slice(i, end);
      i = end;
    }
    row.push(value);
    const c = text.charCodeAt(i);
    if (c === 44 /* , */) {
      i++;
      if (i === n) row.push('');
    } else {
      if (c === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      rows.push(row);
      row = [];
    }
  }
  if (row.length > 0) rows.push(row);
  return rows;
}
