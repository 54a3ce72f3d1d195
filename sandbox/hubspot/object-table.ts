/**
 * One object type's records: Maps keyed by id, unique-value indexes, and a sorted id order for list paging.
 * Sized for millions of records: no full scans on id, unique-property or paging paths, and loaded records are
 * kept by reference (the store owns the HubSpotData it is given).
 */
import type { HsObject } from '../model.js';
import { PropertyHistory } from './history.js';
import { IdSlots } from './id-slots.js';
import type { ObjectType } from './properties.js';

export interface ArchivedObject extends HsObject {
  archivedAt: string;
}

/** Numeric order of decimal id strings without converting both sides to numbers. */
export const compareIds = (a: string, b: string): number =>
  a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;

export class ObjectTable {
  private readonly live = new Map<string, HsObject>();
  /** The same live records by numeric id: the batch paths' lookup (see id-slots.ts). */
  private readonly slots: IdSlots;
  private readonly archived = new Map<string, ArchivedObject>();
  /** Every id ever live, ascending; archived ids stay as tombstones until compaction. */
  private order: string[] = [];
  private tombstones = 0;
  private nextId = 1;
  /** property name → value → id. Email is case-insensitive in HubSpot, so it is indexed lower-cased. */
  private readonly indexes = new Map<string, Map<string, string>>();
  /** Seeded duplicates of unique values (R0.3 duplicate links) that the index could not hold. */
  duplicatesOnLoad = 0;
  readonly history = new PropertyHistory();

  constructor(
    readonly type: ObjectType,
    indexed: string[],
    idBase: number,
  ) {
    for (const name of indexed) this.indexes.set(name, new Map());
    this.nextId = idBase;
    this.slots = new IdSlots(idBase);
  }

  load(objects: HsObject[]): void {
    this.live.clear();
    this.slots.clear();
    this.archived.clear();
    this.history.clear();
    for (const index of this.indexes.values()) index.clear();
    this.duplicatesOnLoad = 0;
    const ids: string[] = [];
    let sorted = true;
    for (const o of objects) {
      if (o.archived) {
        this.archived.set(o.id, { ...o, archivedAt: o.updatedAt });
        continue;
      }
      this.live.set(o.id, o);
      this.slots.add(o);
      if (ids.length > 0 && compareIds(ids[ids.length - 1] as string, o.id) >= 0) sorted = false;
      ids.push(o.id);
      this.indexObject(o);
      const n = Number(o.id);
      if (Number.isSafeInteger(n) && n >= this.nextId) this.nextId = n + 1;
    }
    for (const id of this.archived.keys()) {
      const n = Number(id);
      if (Number.isSafeInteger(n) && n >= this.nextId) this.nextId = n + 1;
    }
    if (!sorted) ids.sort(compareIds);
    this.order = ids;
    this.tombstones = 0;
  }

  get size(): number {
    return this.live.size;
  }

  get(id: string): HsObject | undefined {
    const slotted = this.slots.find(id);
    return slotted === null ? this.live.get(id) : slotted;
  }

  getArchived(id: string): ArchivedObject | undefined {
    return this.archived.get(id);
  }

  isIndexed(name: string): boolean {
    return this.indexes.has(name);
  }

  addIndex(name: string): void {
    if (this.indexes.has(name)) return;
    this.indexes.set(name, new Map());
    for (const o of this.live.values()) this.indexValue(name, o.id, o.properties[name] ?? null);
  }

  /** Id of the live record holding `value` in an indexed property. */
  findIdBy(name: string, value: string): string | undefined {
    if (name === 'hs_object_id') return this.live.has(value) ? value : undefined;
    return this.indexes.get(name)?.get(name === 'email' ? value.toLowerCase() : value);
  }

  allocateId(): string {
    return String(this.nextId++);
  }

  insert(o: HsObject): void {
    this.live.set(o.id, o);
    this.slots.add(o);
    this.order.push(o.id); // new ids are always the largest, so the order stays sorted
    this.indexObject(o);
  }

  /** Keeps the unique indexes in step with a property change. */
  reindex(o: HsObject, name: string, before: string | null): void {
    const index = this.indexes.get(name);
    if (!index) return;
    const key = (v: string) => (name === 'email' ? v.toLowerCase() : v);
    if (before !== null && index.get(key(before)) === o.id) index.delete(key(before));
    this.indexValue(name, o.id, o.properties[name] ?? null);
  }

  archive(id: string, at: string): boolean {
    const o = this.live.get(id);
    if (!o) return false;
    this.live.delete(id);
    this.slots.remove(o);
    this.unindexObject(o);
    this.archived.set(id, { ...o, archived: true, archivedAt: at, updatedAt: at });
    this.history.forget(id);
    this.tombstones++;
    if (this.tombstones > 1024 && this.tombstones * 2 > this.order.length) this.compact();
    return true;
  }

  /**
   * One page in id order starting at the first id ≥ `after` (HubSpot's `after` is an opaque cursor; ours is the
   * next id). Binary search, then a walk over at most `limit` + tombstones entries: no copy of the table.
   */
  page(after: string | undefined, limit: number, archived = false): { results: HsObject[]; next?: string } {
    if (archived) return this.archivedPage(after, limit);
    let i = after === undefined ? 0 : this.lowerBound(after);
    const results: HsObject[] = [];
    for (; i < this.order.length && results.length < limit; i++) {
      const o = this.live.get(this.order[i] as string);
      if (o) results.push(o);
    }
    for (; i < this.order.length; i++) {
      const id = this.order[i] as string;
      if (this.live.has(id)) return { results, next: id };
    }
    return { results };
  }

  /** Every live record in id order (search scans; batch paths never call this). */
  *scan(): Generator<HsObject> {
    for (const id of this.order) {
      const o = this.live.get(id);
      if (o) yield o;
    }
  }

  liveObjects(): IterableIterator<HsObject> {
    return this.live.values();
  }

  archivedObjects(): IterableIterator<ArchivedObject> {
    return this.archived.values();
  }

  private archivedPage(after: string | undefined, limit: number): { results: HsObject[]; next?: string } {
    // Archived records are few (deletes in tests); sorting them per call is fine.
    const ids = [...this.archived.keys()]
      .sort(compareIds)
      .filter((id) => after === undefined || compareIds(id, after) >= 0);
    const results = ids.slice(0, limit).map((id) => this.archived.get(id) as ArchivedObject);
    const next = ids[limit];
    return next === undefined ? { results } : { results, next };
  }

  private lowerBound(id: string): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareIds(this.order[mid] as string, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compact(): void {
    this.order = this.order.filter((id) => this.live.has(id));
    this.tombstones = 0;
  }

  private indexObject(o: HsObject): void {
    for (const name of this.indexes.keys()) this.indexValue(name, o.id, o.properties[name] ?? null);
  }

  private unindexObject(o: HsObject): void {
    for (const [name, index] of this.indexes) {
      const v = o.properties[name];
      if (!v) continue;
      const key = name === 'email' ? v.toLowerCase() : v;
      if (index.get(key) === o.id) index.delete(key);
    }
  }

  private indexValue(name: string, id: string, value: string | null): void {
    if (value === null || value === '') return;
    const index = this.indexes.get(name);
    if (!index) return;
    const key = name === 'email' ? value.toLowerCase() : value;
    const holder = index.get(key);
    if (holder === undefined) index.set(key, id);
    else if (holder !== id) this.duplicatesOnLoad++; // first holder wins; seeds may carry duplicate links (R0.3)
  }
}
