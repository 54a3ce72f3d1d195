/**
 * Where the console's own call counts per hour live: in memory for a connector without a data folder (tests,
 * the connect check), in the data folder's database otherwise, so every process sees the same 24 h total.
 */
import type { Database } from 'better-sqlite3';
import type { SystemId } from '../remote-error.js';

export interface UsageStore {
  add(hour: number, calls: number): void;
  /** Hour → calls, for hours >= `fromHour`. */
  since(fromHour: number): Map<number, number>;
}

export class MemoryUsageStore implements UsageStore {
  private readonly hours = new Map<number, number>();

  add(hour: number, calls: number): void {
    this.hours.set(hour, (this.hours.get(hour) ?? 0) + calls);
    // Bounded memory: nothing older than a day is ever asked for.
    for (const key of this.hours.keys()) if (key <= hour - 24) this.hours.delete(key);
  }

  since(fromHour: number): Map<number, number> {
    return new Map([...this.hours].filter(([hour]) => hour >= fromHour));
  }
}

export class SqliteUsageStore implements UsageStore {
  private readonly upsert;
  private readonly select;

  constructor(
    db: Database,
    private readonly system: SystemId,
  ) {
    this.upsert = db.prepare(
      `INSERT INTO api_usage (system, hour, calls) VALUES (:system, :hour, :calls)
       ON CONFLICT (system, hour) DO UPDATE SET calls = calls + excluded.calls`,
    );
    this.select = db.prepare('SELECT hour, calls FROM api_usage WHERE system = :system AND hour >= :fromHour');
  }

  add(hour: number, calls: number): void {
    this.upsert.run({ system: this.system, hour, calls });
  }

  since(fromHour: number): Map<number, number> {
    const rows = this.select.all({ system: this.system, fromHour }) as { hour: number; calls: number }[];
    return new Map(rows.map((r) => [r.hour, r.calls]));
  }
}
