/**
 * Bulk API 2.0's CSV, both ways: the uploads clients send (RFC 4180 with the job's column delimiter and line ending,
 * quoted fields may hold delimiters, quotes and line breaks) and the result files the org sends back, where every
 * value is quoted.
 */

export const DELIMITERS: Record<string, string> = {
  COMMA: ',',
  TAB: '\t',
  PIPE: '|',
  SEMICOLON: ';',
  CARET: '^',
  BACKQUOTE: '`',
};
export const LINE_ENDINGS: Record<string, string> = { LF: '\n', CRLF: '\r\n' };

const quote = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  return `"${String(value).replace(/"/g, '""')}"`;
};

export const csvLine = (values: readonly unknown[], delimiter = ','): string => values.map(quote).join(delimiter);

export class CsvSyntaxError extends Error {}

/** Rows of fields; a trailing line break does not make an empty last row. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (quoted) throw new CsvSyntaxError('the CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
