/**
 * Rows of one object grouped by one reference field (Contact.AccountId), so `WHERE AccountId IN (...)` reads the
 * few contacts of those accounts instead of scanning 2,000,000. Built on first use — a sandbox that never asks
 * pays neither the scan nor the memory — and kept in step with every write after that. Keys are the lower-cased
 * id, the form SOQL compares reference fields in (soql/evaluate.ts `key`).
 */
import type { Row } from './store.js';

export class FieldIndex {
  private byKey: Map<string, Row[]> | undefined;

  constructor(readonly field: string) {}

  /** Rows whose field holds `key` (lower-cased id); includes soft-deleted rows, as queryAll needs them. */
  lookup(key: string, allRows: () => Iterable<Row>): readonly Row[] {
    if (!this.byKey) {
      this.byKey = new Map();
      for (const row of allRows()) this.add(row);
    }
    return this.byKey.get(key) ?? [];
  }

  add(row: Row): void {
    const key = this.keyOf(row);
    if (key === undefined || !this.byKey) return;
    const rows = this.byKey.get(key);
    if (rows) rows.push(row);
    else this.byKey.set(key, [row]);
  }

  /** Rows are replaced, never mutated, on write: the stored reference is the one to drop. */
  remove(row: Row): void {
    const key = this.keyOf(row);
    const rows = key === undefined ? undefined : this.byKey?.get(key);
    if (!rows) return;
    const at = rows.indexOf(row);
    if (at >= 0) rows.splice(at, 1);
    if (rows.length === 0) this.byKey?.delete(key as string);
  }

  /** Forgets everything; the next lookup rebuilds from the table. */
  reset(): void {
    this.byKey = undefined;
  }

  private keyOf(row: Row): string | undefined {
    const value = row[this.field];
    return typeof value === 'string' && value !== '' ? value.toLowerCase() : undefined;
  }
}
