/**
 * One object's rows in SystemModstamp order, for the sync's incremental read
 * (`WHERE SystemModstamp >= t ORDER BY SystemModstamp, Id`): a binary search finds the first row at or after t and
 * the walk stops at LIMIT, instead of filtering and sorting 1,000,000 rows per query.
 *
 * Cheap to maintain because every write stamps the row with the store's clock, which never goes back
 * (SalesforceStore.stamp): a written row is appended at the end. Rows are replaced, never mutated, so the entry of
 * an older version is recognised as stale by identity (the table holds another object for that id) and skipped;
 * stale entries are dropped once they outnumber live ones. Built on first use.
 */
import type { Row } from './store.js';

export interface StampBound {
  stamp: string;
  inclusive: boolean;
}

export interface StampRange {
  from?: StampBound;
  to?: StampBound;
}

const stampOf = (row: Row): string => row.SystemModstamp as string;

export class ModstampOrder {
  private entries: Row[];
  private stale = 0;

  /** `isCurrent(row)`: the table still holds this very row object for its id. */
  constructor(
    rows: Iterable<Row>,
    private readonly isCurrent: (row: Row) => boolean,
  ) {
    // Stable sort: ties keep the table's order (creation order), as the scan-and-sort path did.
    this.entries = [...rows].sort((a, b) => compareStamps(stampOf(a), stampOf(b)));
  }

  add(row: Row): void {
    const stamp = stampOf(row);
    const last = this.entries[this.entries.length - 1];
    if (last === undefined || stampOf(last) < stamp) {
      this.entries.push(row);
      return;
    }
    // Same stamp as the newest entries (writes within one millisecond), or older: a rollback putting back an
    // earlier version, or seed rows stamped ahead of the clock. An earlier version may still have its entry.
    let i = this.firstAtOrAfter(stamp);
    for (; i < this.entries.length && stampOf(this.entries[i] as Row) === stamp; i++) {
      if (this.entries[i] === row) {
        this.stale--; // retired when it was replaced, live again now
        return;
      }
    }
    this.entries.splice(i, 0, row);
  }

  /** A row was replaced or removed: its entry is now stale. */
  retire(): void {
    this.stale++;
    if (this.stale > 1024 && this.stale * 2 > this.entries.length) {
      this.entries = this.entries.filter(this.isCurrent);
      this.stale = 0;
    }
  }

  /** Current rows within `range`, oldest first (or newest first). */
  *walk(range: StampRange, descending: boolean): Generator<Row> {
    const { from, to } = range;
    const lo = from ? (from.inclusive ? this.firstAtOrAfter(from.stamp) : this.firstAfter(from.stamp)) : 0;
    const hi = to ? (to.inclusive ? this.firstAfter(to.stamp) : this.firstAtOrAfter(to.stamp)) : this.entries.length;
    if (descending) {
      for (let i = hi - 1; i >= lo; i--) if (this.isCurrent(this.entries[i] as Row)) yield this.entries[i] as Row;
    } else {
      for (let i = lo; i < hi; i++) if (this.isCurrent(this.entries[i] as Row)) yield this.entries[i] as Row;
    }
  }

  private firstAtOrAfter(stamp: string): number {
    return this.search((s) => s < stamp);
  }

  private firstAfter(stamp: string): number {
    return this.search((s) => s <= stamp);
  }

  /** The first index whose stamp fails `before` (entries are sorted, so `before` holds for a prefix). */
  private search(before: (stamp: string) => boolean): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(stampOf(this.entries[mid] as Row))) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const compareStamps = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
