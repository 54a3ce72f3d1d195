/**
 * Recursive-descent parser for the SOQL subset the sync engine and its tests use:
 *   SELECT (COUNT() | field, ...) FROM object [WHERE condition] [ORDER BY field [ASC|DESC] [NULLS FIRST|LAST], ...]
 *   [LIMIT n] [OFFSET n]
 * Conditions: =, !=, <>, <, >, <=, >=, [NOT] IN (...), LIKE, NOT, AND/OR with parentheses. As in real SOQL,
 * AND and OR cannot be mixed at one level without parentheses. Anything else is MALFORMED_QUERY.
 */
import { SoqlError } from './errors.js';
import { type Token, tokenize } from './tokenizer.js';

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'datetime'; value: string }
  | { kind: 'date'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' };

export interface NameRef {
  name: string;
  offset: number;
}

export type CompareOp = '=' | '!=' | '<' | '>' | '<=' | '>=';

export type Condition =
  | { type: 'and' | 'or'; items: Condition[] }
  | { type: 'not'; item: Condition }
  | { type: 'compare'; field: NameRef; op: CompareOp; value: Literal; valueOffset: number }
  | { type: 'in'; field: NameRef; negated: boolean; values: Literal[]; valueOffset: number }
  | { type: 'like'; field: NameRef; pattern: string };

export interface OrderItem {
  field: NameRef;
  descending: boolean;
  nullsLast: boolean;
}

export interface SoqlQuery {
  source: string;
  count: boolean;
  fields: NameRef[];
  object: NameRef;
  where?: Condition;
  orderBy: OrderItem[];
  limit?: number;
  offset?: number;
}

const RESERVED = new Set(
  'select from where and or not in like order by asc desc nulls first last limit offset null true false group having includes excludes with for using typeof'.split(
    ' ',
  ),
);

export function parseSoql(source: string): SoqlQuery {
  return new Parser(source).query();
}

class Parser {
  private readonly tokens: Token[];
  private pos = 0;

  constructor(private readonly source: string) {
    this.tokens = tokenize(source);
  }

  query(): SoqlQuery {
    this.keyword('select');
    const count = this.isKeyword('count') && this.peek(1).text === '(';
    const fields: NameRef[] = [];
    if (count) {
      this.next();
      this.punct('(');
      this.punct(')');
    } else {
      do fields.push(this.name());
      while (this.accept(','));
    }
    this.keyword('from');
    const object = this.name();
    const where = this.acceptKeyword('where') ? this.condition() : undefined;
    const orderBy: OrderItem[] = [];
    if (this.acceptKeyword('order')) {
      this.keyword('by');
      do orderBy.push(this.orderItem());
      while (this.accept(','));
    }
    const limit = this.acceptKeyword('limit') ? this.integer() : undefined;
    const offset = this.acceptKeyword('offset') ? this.integer() : undefined;
    if (this.peek().kind !== 'eof') this.fail(this.peek());
    return { source: this.source, count, fields, object, where, orderBy, limit, offset };
  }

  private orderItem(): OrderItem {
    const field = this.name();
    const descending = this.acceptKeyword('desc');
    if (!descending) this.acceptKeyword('asc');
    let nullsLast = descending;
    if (this.acceptKeyword('nulls')) {
      if (this.acceptKeyword('last')) nullsLast = true;
      else {
        this.keyword('first');
        nullsLast = false;
      }
    }
    return { field, descending, nullsLast };
  }

  /** One level of AND or OR; mixing both without parentheses is rejected as the org does. */
  private condition(): Condition {
    const first = this.unary();
    const connector = this.isKeyword('and') ? 'and' : this.isKeyword('or') ? 'or' : undefined;
    if (!connector) return first;
    const items = [first];
    while (this.acceptKeyword(connector)) items.push(this.unary());
    if (this.isKeyword('and') || this.isKeyword('or')) this.fail(this.peek());
    return { type: connector, items };
  }

  private unary(): Condition {
    if (this.acceptKeyword('not')) return { type: 'not', item: this.unary() };
    if (this.accept('(')) {
      const inner = this.condition();
      this.punct(')');
      return inner;
    }
    return this.predicate();
  }

  private predicate(): Condition {
    const field = this.name();
    const token = this.peek();
    if (token.kind === 'op') {
      this.next();
      const valueOffset = this.peek().offset;
      return { type: 'compare', field, op: token.text as CompareOp, value: this.literal(), valueOffset };
    }
    if (this.acceptKeyword('like')) {
      const pattern = this.next();
      if (pattern.kind !== 'string') this.fail(pattern);
      return { type: 'like', field, pattern: pattern.text };
    }
    const negated = this.acceptKeyword('not');
    if (this.acceptKeyword('in')) {
      this.punct('(');
      const valueOffset = this.peek().offset;
      const values: Literal[] = [];
      do values.push(this.literal());
      while (this.accept(','));
      this.punct(')');
      return { type: 'in', field, negated, values, valueOffset };
    }
    return this.fail(this.peek());
  }

  private literal(): Literal {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.text };
      case 'number':
        return { kind: 'number', value: Number(token.text) };
      case 'datetime':
        return token.text.length === 10
          ? { kind: 'date', value: token.text }
          : { kind: 'datetime', value: canonicalDateTime(token.text) };
      case 'ident': {
        const word = token.text.toLowerCase();
        if (word === 'null') return { kind: 'null' };
        if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true' };
        return this.fail(token);
      }
      default:
        return this.fail(token);
    }
  }

  private name(): NameRef {
    const token = this.next();
    if (token.kind !== 'ident' || RESERVED.has(token.text.toLowerCase())) this.fail(token);
    return { name: token.text, offset: token.offset };
  }

  private integer(): number {
    const token = this.next();
    if (token.kind !== 'number' || !/^\d+$/.test(token.text)) this.fail(token);
    return Number(token.text);
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)] as Token;
  }
  private next(): Token {
    const token = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return token;
  }
  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token.kind === 'ident' && token.text.toLowerCase() === word;
  }
  private acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.next();
    return true;
  }
  private keyword(word: string): void {
    if (!this.acceptKeyword(word)) this.fail(this.peek());
  }
  private accept(punct: string): boolean {
    const token = this.peek();
    if (token.kind !== 'punct' || token.text !== punct) return false;
    this.next();
    return true;
  }
  private punct(punct: string): void {
    if (!this.accept(punct)) this.fail(this.peek());
  }
  private fail(token: Token): never {
    throw new SoqlError('MALFORMED_QUERY', `unexpected token: '${token.text}'`, this.source, token.offset);
  }
}

/** `2026-01-01T00:00:00Z`, `...+01:00`, `...-0800`, with or without millis → `toISOString()` form. */
function canonicalDateTime(text: string): string {
  const withColon = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return new Date(withColon).toISOString();
}
