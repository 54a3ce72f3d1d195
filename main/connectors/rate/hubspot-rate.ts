/**
 * R8.1 HubSpot's limits: the rolling burst window sized from the X-HubSpot-RateLimit-* headers (until the first
 * response: 110/10 s for OAuth apps, 190/10 s for private apps), a separate 5/s bucket for CRM search, and what a
 * 429 means: TEN_SECONDLY_ROLLING → wait out the window (or Retry-After) and retry; SECONDLY (search) → wait 1 s;
 * DAILY → pause until the next day and fail with API_LIMIT.
 */
import type { HubSpotUsage } from '../types.js';
import { type Clock, systemClock } from './clock.js';
import { msUntilNextUtcDay, retryAfterMs } from './retry-after.js';
import { RateScheduler, type Verdict } from './scheduler.js';
import { WindowBucket } from './window-bucket.js';
import { categorize } from '../../engine/rules/errors.js';

export type HubSpotAuthKind = 'oauth' | 'privateApp';

export const HUBSPOT_FALLBACK_LIMITS: Readonly<Record<HubSpotAuthKind, { max: number; intervalMs: number }>> = {
  oauth: { max: 110, intervalMs: 10_000 },
  privateApp: { max: 190, intervalMs: 10_000 },
};
export const HUBSPOT_SEARCH_PER_SECOND = 5;

type Headers = Record<string, string | undefined>;

const numberHeader = (headers: Headers, name: string): number | null => {
  const raw = headers[name];
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isFinite(n) ? n : null;
};

/** Reads ApiException-like errors: `code` = HTTP status, `body` = parsed JSON, `headers` lower-cased. */
export function classifyHubSpotError(error: unknown, now: number): Verdict {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    body?: { policyName?: unknown; message?: unknown };
    headers?: Headers;
  };
  if (e.code === 429) {
    const policy = typeof e.body?.policyName === 'string' ? e.body.policyName : '';
    if (policy === 'DAILY') {
      return { kind: 'exhausted', pauseMs: msUntilNextUtcDay(now), reason: 'the HubSpot daily API limit is used up.' };
    }
    const waitMs = retryAfterMs(e.headers?.['retry-after'], now);
    const secondly = policy === 'SECONDLY' || e.body?.message === 'You have reached your secondly limit.';
    return { kind: 'rateLimited', waitMs: waitMs ?? (secondly ? 1000 : null) };
  }
  if (e.code === 423) return { kind: 'rateLimited', waitMs: 2000 }; // "Locks will last for 2 seconds" (B6)
  return categorize(error).category === 'NETWORK' ? { kind: 'transient' } : { kind: 'final' };
}

/** Where the daily limit's last figures are kept between processes (the data folder's database). */
export interface DailyLimitStore {
  read(): { max: number | null; remaining: number | null } | null;
  write(figures: { max: number | null; remaining: number | null }): void;
}

/** The HubSpot scheduler plus the header reader that keeps its burst bucket and the usage figures current. */
export class HubSpotRate {
  readonly scheduler: RateScheduler;
  private readonly last: Omit<HubSpotUsage, 'calls' | 'rateLimited' | 'pausedUntil'> = {
    intervalMax: null,
    intervalRemaining: null,
    dailyMax: null,
    dailyRemaining: null,
  };

  readonly kind: HubSpotAuthKind;

  private readonly daily: DailyLimitStore | undefined;

  constructor(options: {
    kind: HubSpotAuthKind;
    clock?: Clock;
    concurrency?: number;
    maxRateLimitRetries?: number;
    daily?: DailyLimitStore;
  }) {
    this.kind = options.kind;
    this.daily = options.daily;
    const saved = options.daily?.read();
    if (saved) {
      this.last.dailyMax = saved.max;
      this.last.dailyRemaining = saved.remaining;
    }
    const clock = options.clock ?? systemClock;
    const fallback = HUBSPOT_FALLBACK_LIMITS[options.kind];
    this.scheduler = new RateScheduler({
      system: 'hubspot',
      clock,
      concurrency: options.concurrency ?? 6,
      buckets: {
        main: new WindowBucket(fallback.max, fallback.intervalMs, clock),
        search: new WindowBucket(HUBSPOT_SEARCH_PER_SECOND, 1000, clock),
      },
      maxRateLimitRetries: options.maxRateLimitRetries,
      classify: (error) => classifyHubSpotError(error, clock.now()),
    });
  }

  /** Fed by the client's response middleware with every response's (lower-cased) headers. */
  observe(headers: Headers): void {
    const max = numberHeader(headers, 'x-hubspot-ratelimit-max');
    const interval = numberHeader(headers, 'x-hubspot-ratelimit-interval-milliseconds');
    if (max !== null && interval !== null) this.scheduler.bucket('main').resize(max, interval);
    if (max !== null) this.last.intervalMax = max;
    const remaining = numberHeader(headers, 'x-hubspot-ratelimit-remaining');
    if (remaining !== null) this.last.intervalRemaining = remaining;
    const dailyMax = numberHeader(headers, 'x-hubspot-ratelimit-daily');
    if (dailyMax !== null) this.last.dailyMax = dailyMax;
    const dailyRemaining = numberHeader(headers, 'x-hubspot-ratelimit-daily-remaining');
    if (dailyRemaining !== null) this.last.dailyRemaining = dailyRemaining;
    if (dailyMax !== null || dailyRemaining !== null) {
      this.daily?.write({ max: this.last.dailyMax, remaining: this.last.dailyRemaining });
    }
  }

  usage(): HubSpotUsage {
    const stats = this.scheduler.stats();
    return { ...this.last, calls: stats.calls, rateLimited: stats.rateLimited, pausedUntil: stats.pausedUntil };
  }
}
