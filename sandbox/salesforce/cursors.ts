/**
 * Query locators. A query's matching rows are kept once (an array of row references, not copies) and paged by
 * offset, so queryMore over a 1,000,000-row result costs one slice per page. Locators stay valid after the last
 * page (a client retrying a dropped page must get it again) until they are the oldest of too many open cursors.
 */
import { IdGenerator, KEY_PREFIX } from './ids.js';
import type { CompiledQuery } from './soql/evaluate.js';
import type { Row } from './store.js';

export interface Cursor {
  query: CompiledQuery;
  rows: Row[];
  /** Fixed when the query runs (Sforce-Query-Options), as on the org. */
  batchSize: number;
}

/** Salesforce allows a handful of open cursors per user; 20 bounds memory on huge orgs. */
const MAX_OPEN = 20;

export class CursorStore {
  private readonly cursors = new Map<string, Cursor>();
  private readonly ids = new IdGenerator(KEY_PREFIX.QueryLocator);

  open(cursor: Cursor): string {
    const id = this.ids.next();
    this.cursors.set(id, cursor);
    if (this.cursors.size > MAX_OPEN) {
      const oldest = this.cursors.keys().next().value;
      if (oldest !== undefined) this.cursors.delete(oldest);
    }
    return id;
  }

  get(id: string): Cursor | undefined {
    return this.cursors.get(id);
  }
}
