/**
 * HubSpot's burst (rolling 10 s), daily and search (per second) limits, per token kind (wire-formats B6,
 * behaviour R8.1). The burst window is sliding: an array of call times with a moving head, so a check costs
 * O(1) amortised even at thousands of calls per second. Refused calls are not counted, so a client that waits
 * out the window gets through (the client's own retry waits 10 s × attempt).
 */
import { type RateLimitPolicy, rateLimited } from './errors.js';

export type TokenKind = 'oauth' | 'privateApp';

export interface HubSpotLimits {
  /** Calls per rolling 10 seconds; null = unlimited. */
  perTenSeconds: number | null;
  /** Calls per day (UTC midnight reset); null = unlimited. */
  perDay: number | null;
  /** CRM search requests per second (HubSpot: 5, "excludes" the 10 s limit); null = unlimited. */
  searchPerSecond?: number | null;
}

/** OAuth (public app) 110/10 s; private app 190/10 s (Professional/Enterprise); daily 250k / 1M (B6 table). */
export const DEFAULT_LIMITS: Record<TokenKind, Required<HubSpotLimits>> = {
  oauth: { perTenSeconds: 110, perDay: 250_000, searchPerSecond: 5 },
  privateApp: { perTenSeconds: 190, perDay: 1_000_000, searchPerSecond: 5 },
};

const WINDOW_MS = 10_000;

class SlidingWindow {
  private times: number[] = [];
  private head = 0;

  constructor(private readonly spanMs: number) {}

  count(now: number): number {
    const cutoff = now - this.spanMs;
    while (this.head < this.times.length && (this.times[this.head] as number) <= cutoff) this.head++;
    if (this.head > 4096 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  /** Calls in the last `ms` (≤ span), counted from the newest end. */
  countWithin(now: number, ms: number): number {
    let n = 0;
    for (let i = this.times.length - 1; i >= this.head && (this.times[i] as number) > now - ms; i--) n++;
    return n;
  }

  add(now: number): void {
    this.times.push(now);
  }
}

interface KindState {
  limits: Required<HubSpotLimits>;
  burst: SlidingWindow;
  search: SlidingWindow;
  day: string;
  dayCount: number;
}

export type LimitDecision =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; response: ReturnType<typeof rateLimited> };

export class RateLimiter {
  private readonly state: Record<TokenKind, KindState>;
  rateLimited = 0;

  constructor(
    limits: Partial<Record<TokenKind, Partial<HubSpotLimits>>>,
    private readonly now: () => Date,
  ) {
    const make = (kind: TokenKind): KindState => ({
      limits: { ...DEFAULT_LIMITS[kind], ...definedOnly(limits[kind]) },
      burst: new SlidingWindow(WINDOW_MS),
      search: new SlidingWindow(1000),
      day: '',
      dayCount: 0,
    });
    this.state = { oauth: make('oauth'), privateApp: make('privateApp') };
  }

  set(kind: TokenKind, limits: Partial<HubSpotLimits>): void {
    this.state[kind].limits = { ...this.state[kind].limits, ...definedOnly(limits) };
  }

  limits(kind: TokenKind): Required<HubSpotLimits> {
    return { ...this.state[kind].limits };
  }

  /** Counts one API call, or refuses it with HubSpot's 429. Search calls skip the 10 s window (B3.4). */
  check(kind: TokenKind, isSearch: boolean): LimitDecision {
    const s = this.state[kind];
    const now = this.now().getTime();
    const day = new Date(now).toISOString().slice(0, 10);
    if (day !== s.day) {
      s.day = day;
      s.dayCount = 0;
    }
    const { perTenSeconds, perDay, searchPerSecond } = s.limits;
    if (perDay !== null && s.dayCount >= perDay) return this.refuse(kind, 'DAILY', this.headers(kind, now, isSearch));
    if (isSearch) {
      if (searchPerSecond !== null && s.search.count(now) >= searchPerSecond) {
        return this.refuse(kind, 'SECONDLY', {});
      }
      s.search.add(now);
    } else if (perTenSeconds !== null) {
      if (s.burst.count(now) >= perTenSeconds)
        return this.refuse(kind, 'TEN_SECONDLY_ROLLING', this.headers(kind, now, false));
      s.burst.add(now);
    }
    s.dayCount++;
    return { ok: true, headers: this.headers(kind, now, isSearch) };
  }

  /**
   * `X-HubSpot-RateLimit-*` (B6). Daily headers only for private-app calls ("not sent for OAuth-authorized
   * calls"); none on search responses (usage guidelines, quoted in B3.4); Secondly* are the deprecated pair.
   */
  private headers(kind: TokenKind, now: number, isSearch: boolean): Record<string, string> {
    if (isSearch) return {};
    const s = this.state[kind];
    const h: Record<string, string> = {};
    if (kind === 'privateApp' && s.limits.perDay !== null) {
      h['X-HubSpot-RateLimit-Daily'] = String(s.limits.perDay);
      h['X-HubSpot-RateLimit-Daily-Remaining'] = String(Math.max(0, s.limits.perDay - s.dayCount));
    }
    // Real portals always announce their burst limit and clients size their buckets from it; with limits off the
    // emulator announces one no caller reaches, so a benchmark "with limits off" is not held to a client fallback.
    const max = s.limits.perTenSeconds ?? UNLIMITED_ANNOUNCED;
    {
      const secondly = Math.ceil(max / 10);
      h['X-HubSpot-RateLimit-Interval-Milliseconds'] = String(WINDOW_MS);
      h['X-HubSpot-RateLimit-Max'] = String(max);
      h['X-HubSpot-RateLimit-Remaining'] = String(Math.max(0, max - s.burst.count(now)));
      h['X-HubSpot-RateLimit-Secondly'] = String(secondly);
      h['X-HubSpot-RateLimit-Secondly-Remaining'] = String(Math.max(0, secondly - s.burst.countWithin(now, 1000)));
    }
    return h;
  }

  private refuse(kind: TokenKind, policy: RateLimitPolicy, headers: Record<string, string>): LimitDecision {
    this.rateLimited++;
    // groupName names the limit bucket; HubSpot sends values like "hubspot-api:<app id>" (format not confirmed).
    return { ok: false, response: rateLimited(policy, `sandbox:${kind}`, headers) };
  }
}

/** What the burst headers say when limits are off. */
const UNLIMITED_ANNOUNCED = 1_000_000;

function definedOnly(limits: Partial<HubSpotLimits> | undefined): Partial<HubSpotLimits> {
  const out: Partial<HubSpotLimits> = {};
  if (!limits) return out;
  if (limits.perTenSeconds !== undefined) out.perTenSeconds = limits.perTenSeconds;
  if (limits.perDay !== undefined) out.perDay = limits.perDay;
  if (limits.searchPerSecond !== undefined) out.searchPerSecond = limits.searchPerSecond;
  return out;
}
