/**
 * Records by numeric id, in a dense array in front of the id Map. HubSpot ids are decimal numbers handed out in
 * sequence from a per-type base, so `Number(id) - base` is an array index. A batch read resolves 100 ids per call
 * and, with hundreds of thousands of records, every Map lookup (hash the key, walk the bucket, compare the key
 * strings) is a run of cache misses: 0.5 µs per lookup against 0.1 µs for the array on the 2-core benchmark machine.
 * Ids that do not fit a slot (test seeds use small ids) stay in the Map only.
 */
import type { HsObject } from '../model.js';

/** A seed or snapshot with ids far past the allocated range would make the array huge: those use the Map. */
const MAX_GAP = 1_000_000;

export class IdSlots {
  private slots: Array<HsObject | undefined> = [];
  /** Live records without a slot; while there are none, an empty slot is a definite miss. */
  private unslotted = 0;

  constructor(private readonly base: number) {}

  add(o: HsObject): void {
    const n = this.slotOf(o.id);
    if (n === undefined) {
      this.unslotted++;
      return;
    }
    // Filling the gap keeps the array packed; assigning past its end would turn it into a slow dictionary.
    while (this.slots.length < n) this.slots.push(undefined);
    this.slots[n] = o;
  }

  remove(o: HsObject): void {
    const n = this.slotOf(o.id);
    if (n === undefined) this.unslotted--;
    else if (this.slots[n] === o) this.slots[n] = undefined;
  }

  clear(): void {
    this.slots = [];
    this.unslotted = 0;
  }

  /** The live record with this id; `null` when only the Map can tell. */
  find(id: string): HsObject | undefined | null {
    // A non-numeric or out-of-range id indexes nothing; comparing ids rejects non-canonical spellings ("0123").
    const o = this.slots[Number(id) - this.base];
    if (o !== undefined && o.id === id) return o;
    return this.unslotted > 0 ? null : undefined;
  }

  private slotOf(id: string): number | undefined {
    const n = Number(id) - this.base;
    if (!Number.isSafeInteger(n) || n < 0 || n > this.slots.length + MAX_GAP) return undefined;
    return String(n + this.base) === id ? n : undefined;
  }
}
