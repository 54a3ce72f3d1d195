/**
 * The Salesforce scheduler: the R8.2 budget as its admission check, a concurrency limit (Salesforce caps
 * long-running concurrent requests per org), no short-term bucket — Salesforce has none — and what its errors
 * mean: REQUEST_LIMIT_EXCEEDED → stop (the org is over its limit; Salesforce sends no reset time, so check again
 * after a pause) unless it is the concurrency limit, 5xx and network failures → back-off.
 */
import { categorize } from '../../engine/rules/errors.js';
import { httpStatusOf } from '../remote-error.js';
import { type Clock, systemClock } from './clock.js';
import { SalesforceBudget } from './salesforce-budget.js';
import { RateScheduler, type Verdict } from './scheduler.js';
import type { UsageStore } from './usage-store.js';
import { WindowBucket } from './window-bucket.js';

/** Decision: after REQUEST_LIMIT_EXCEEDED, calls fail fast for 15 minutes before Salesforce is asked again. */
export const REQUEST_LIMIT_PAUSE_MS = 15 * 60_000;
const CONCURRENCY_WAIT_MS = 2000;

export function classifySalesforceError(error: unknown): Verdict {
  const { errorCode, message } = (error ?? {}) as { errorCode?: unknown; message?: unknown };
  if (errorCode === 'REQUEST_LIMIT_EXCEEDED') {
    // The same code covers the org's concurrency limit ("ConcurrentPerOrgLongTxn Limit exceeded."): that one
    // clears in seconds, so it is waited out like a 429; the daily total ("TotalRequests Limit exceeded.") is not.
    if (typeof message === 'string' && /concurrent/i.test(message))
      return { kind: 'rateLimited', waitMs: CONCURRENCY_WAIT_MS };
    return {
      kind: 'exhausted',
      pauseMs: REQUEST_LIMIT_PAUSE_MS,
      reason: 'Salesforce refused the call: the org is over its API limit.',
    };
  }
  const status = httpStatusOf(error);
  if (status === 429 || status === 420) return { kind: 'rateLimited', waitMs: null };
  if (status !== undefined && status >= 500) return { kind: 'transient' };
  return categorize(error).category === 'NETWORK' ? { kind: 'transient' } : { kind: 'final' };
}

export class SalesforceRate {
  readonly scheduler: RateScheduler;
  readonly budget: SalesforceBudget;

  constructor(
    options: {
      clock?: Clock;
      allocationSetting?: () => number | null;
      concurrency?: number;
      usageStore?: UsageStore;
    } = {},
  ) {
    const clock = options.clock ?? systemClock;
    this.budget = new SalesforceBudget(clock, options.allocationSetting, options.usageStore);
    // Unbounded buckets: they only carry pauses (REQUEST_LIMIT_EXCEEDED), Salesforce has no burst window.
    const unbounded = () => new WindowBucket(Number.POSITIVE_INFINITY, 1000, clock);
    this.scheduler = new RateScheduler({
      system: 'salesforce',
      clock,
      concurrency: options.concurrency ?? 5,
      buckets: { main: unbounded(), search: unbounded() },
      classify: classifySalesforceError,
      admit: () => this.budget.admit(),
    });
  }
}
