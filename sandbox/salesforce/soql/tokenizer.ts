/** Splits SOQL into tokens. Keywords are recognised by the parser (SOQL keywords are case-insensitive). */
import { SoqlError } from './errors.js';

export type TokenKind = 'ident' | 'string' | 'number' | 'datetime' | 'op' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Identifier or operator text as written; the unescaped value for strings. */
  text: string;
  offset: number;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\dT])/;
const NUMBER = /^-?\d+(\.\d+)?/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_.]*/;
const ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
  _: '\\_',
  '%': '\\%',
};

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = source.slice(i, i + 40);
    const start = i;
    if (c === "'") {
      const { value, end } = readString(source, i);
      tokens.push({ kind: 'string', text: value, offset: start });
      i = end;
      continue;
    }
    const temporal = DATETIME.exec(rest) ?? DATE.exec(rest);
    if (temporal) {
      tokens.push({ kind: 'datetime', text: temporal[0], offset: start });
      i += temporal[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number && (c !== '-' || /\d/.test(source[i + 1] ?? ''))) {
      tokens.push({ kind: 'number', text: number[0], offset: start });
      i += number[0].length;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === '!=' || two === '<>' || two === '<=' || two === '>=') {
      tokens.push({ kind: 'op', text: two === '<>' ? '!=' : two, offset: start });
      i += 2;
      continue;
    }
    if (c === '=' || c === '<' || c === '>') {
      tokens.push({ kind: 'op', text: c, offset: start });
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', text: c, offset: start });
      i++;
      continue;
    }
    const ident = IDENT.exec(source.slice(i, i + 256));
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0], offset: start });
      i += ident[0].length;
      continue;
    }
    throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${c}'`, source, start);
  }
  tokens.push({ kind: 'eof', text: '<EOF>', offset: source.length });
  return tokens;
}

/** Reads a single-quoted literal with SOQL's backslash escapes; `\%` and `\_` stay escaped for LIKE. */
function readString(source: string, open: number): { value: string; end: number } {
  let value = '';
  let i = open + 1;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === "'") return { value, end: i + 1 };
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      const escaped = ESCAPES[next];
      if (escaped === undefined) {
        throw new SoqlError(
          'MALFORMED_QUERY',
          `Invalid string literal '${source.slice(open, i + 2)}'. Illegal character sequence '\\${next}' in string literal.`,
          source,
          i,
        );
      }
      value += escaped;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  throw new SoqlError(
    'MALFORMED_QUERY',
    'line 1:' + open + " mismatched character '<EOF>' expecting '''",
    source,
    open,
  );
}
