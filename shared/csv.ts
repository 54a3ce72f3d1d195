/**
 * CSV as spreadsheets and Salesforce read it (RFC 4180): comma-separated, CRLF, quotes doubled, a field quoted
 * only when it must be. The one CSV writer of the app: log and error exports, the preview file, Bulk API uploads.
 */

export interface CsvOptions {
  /**
   * Prefix a value starting with = + - @ with an apostrophe, so a spreadsheet shows it instead of running it as a
   * formula. On by default (files a person opens); off for data a system stores as sent (Bulk API uploads).
   */
  guardFormulas?: boolean;
}

export function csvField(value: unknown, options: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const safe = options.guardFormulas !== false && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvRow = (values: readonly unknown[], options?: CsvOptions): string =>
  `${values.map((v) => csvField(v, options)).join(',')}\r\n`;

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[], options?: CsvOptions): string {
  return csvRow(header, options) + rows.map((r) => csvRow(r, options)).join('');
}
