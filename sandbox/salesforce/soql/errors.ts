/**
 * SOQL errors worded like the org's: the query, a caret under the offending column, "ERROR at Row:1:Column:N",
 * then the reason. errorCode is MALFORMED_QUERY for syntax, INVALID_FIELD / INVALID_TYPE for unknown names.
 */
export class SoqlError extends Error {
  constructor(
    readonly errorCode: 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE',
    readonly reason: string,
    readonly source: string,
    readonly offset: number,
  ) {
    super(formatMessage(source, offset, reason));
  }
}

function formatMessage(source: string, offset: number, reason: string): string {
  const before = source.slice(0, offset);
  const row = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  const line = source.split('\n')[row - 1] ?? '';
  return `\n${line}\n${' '.repeat(column - 1)}^\nERROR at Row:${row}:Column:${column}\n${reason}`;
}
