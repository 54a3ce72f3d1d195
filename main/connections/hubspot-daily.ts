/**
 * HubSpot's daily limit as its last response said it (X-HubSpot-RateLimit-Daily / -Daily-Remaining, private apps
 * only), kept in the data folder's `meta` so Health shows the day's figure in every process, not only in the one
 * that made the calls. A figure from an earlier UTC day is not shown: the limit has been reset since.
 */
import type { Database } from 'better-sqlite3';
import type { DailyLimitStore } from '../connectors/rate/hubspot-rate.js';
import { getMeta, setMeta } from '../db/meta.js';

const KEY = 'hubspot.dailyLimit';

interface Saved {
  max: number | null;
  remaining: number | null;
  day: string;
}

const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

export function sqliteDailyLimitStore(db: Database, now: () => Date = () => new Date()): DailyLimitStore {
  let written = '';
  let warned = false;
  return {
    read() {
      const raw = getMeta(db, KEY);
      const saved = raw ? (JSON.parse(raw) as Saved) : null;
      return saved && saved.day === utcDay(now()) ? { max: saved.max, remaining: saved.remaining } : null;
    },
    write(figures) {
      const value = JSON.stringify({ ...figures, day: utcDay(now()) } satisfies Saved);
      // Every HubSpot response carries the headers; only a changed figure is worth a write.
      if (value === written) return;
      written = value;
      try {
        setMeta(db, KEY, value);
      } catch (error) {
        // A figure for Health must never fail the HubSpot call that brought it (a full disk, a busy file): said
        // once, and the call's own outcome stands.
        if (!warned) console.error('The HubSpot daily limit could not be saved for Health:', (error as Error).message);
        warned = true;
      }
    },
  };
}
