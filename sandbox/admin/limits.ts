/**
 * `--hs-limit` text → HubSpot limits: `110/10s`, `1000000/day`, both comma-separated (`190/10s,1000000/day`), or
 * `off` (no limits at all, for benchmarks). A part that is not given keeps the emulator's default.
 */
import type { HubSpotLimits } from '../hubspot/index.js';

export class LimitSpecError extends Error {}

const PART = /^(\d+)\s*\/\s*(10s|day)$/i;

export function parseHsLimit(spec: string): Partial<HubSpotLimits> {
  const text = spec.trim().toLowerCase();
  if (text === 'off' || text === 'none') return { perTenSeconds: null, perDay: null };
  const out: Partial<HubSpotLimits> = {};
  for (const part of text.split(',').map((p) => p.trim())) {
    const m = PART.exec(part);
    const n = Number(m?.[1]);
    if (!m || !Number.isSafeInteger(n) || n <= 0) {
      throw new LimitSpecError(
        `Bad HubSpot limit "${part}" in "${spec}": use N/10s, N/day, both comma-separated (e.g. 190/10s,1000000/day), or off.`,
      );
    }
    const key = m[2] === '10s' ? 'perTenSeconds' : 'perDay';
    if (key in out) throw new LimitSpecError(`The ${m[2]} limit is given twice in "${spec}".`);
    out[key] = n;
  }
  return out;
}

/** A limit value from JSON: a positive whole number, null for "no limit", undefined for "unchanged". */
export function limitValue(name: string, value: unknown): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  throw new LimitSpecError(`${name} must be a positive whole number or null, got ${JSON.stringify(value)}.`);
}
