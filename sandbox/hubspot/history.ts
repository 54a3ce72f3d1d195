/**
 * Per-property history for `propertiesWithHistory` (ValueWithTimestamp: value, timestamp, sourceType, sourceId).
 * Kept apart from HsObject so 3 million loaded records cost nothing until they are written: a record without
 * recorded history gets one synthetic entry from its current value, stamped with the record's updatedAt.
 */

export interface HistoryEntry {
  value: string;
  /** Epoch ms: cheaper than ISO strings for millions of entries. */
  timestamp: number;
  sourceType: string;
  sourceId?: string;
}

export interface WireHistoryEntry {
  value: string;
  timestamp: string;
  sourceType: string;
  sourceId?: string;
}

/** HubSpot keeps a bounded number of versions per property; 20 keeps memory flat under long benchmarks. */
const MAX_VERSIONS = 20;

export class PropertyHistory {
  private readonly byObject = new Map<string, Map<string, HistoryEntry[]>>();

  /** Adds a version (newest first). `previous` seeds the list for records loaded without history. */
  record(id: string, name: string, entry: HistoryEntry, previous?: HistoryEntry): void {
    let props = this.byObject.get(id);
    if (!props) {
      props = new Map();
      this.byObject.set(id, props);
    }
    let versions = props.get(name);
    if (!versions) {
      versions = previous ? [previous] : [];
      props.set(name, versions);
    }
    versions.unshift(entry);
    if (versions.length > MAX_VERSIONS) versions.length = MAX_VERSIONS;
  }

  has(id: string, name: string): boolean {
    return this.byObject.get(id)?.has(name) ?? false;
  }

  /** Newest first, as HubSpot returns them. */
  versions(id: string, name: string, fallback: HistoryEntry | undefined): WireHistoryEntry[] {
    const versions = this.byObject.get(id)?.get(name) ?? (fallback ? [fallback] : []);
    return versions.map((v) => ({
      value: v.value,
      timestamp: new Date(v.timestamp).toISOString(),
      sourceType: v.sourceType,
      ...(v.sourceId === undefined ? {} : { sourceId: v.sourceId }),
    }));
  }

  forget(id: string): void {
    this.byObject.delete(id);
  }

  clear(): void {
    this.byObject.clear();
  }
}
