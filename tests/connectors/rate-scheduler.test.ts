import { describe, expect, test } from 'vitest';
import { WarpClock } from '../../main/connectors/rate/clock.js';
import { HubSpotRate } from '../../main/connectors/rate/hubspot-rate.js';
import { SalesforceRate } from '../../main/connectors/rate/salesforce-rate.js';
import { RateScheduler } from '../../main/connectors/rate/scheduler.js';
import { WindowBucket } from '../../main/connectors/rate/window-bucket.js';
import { RemoteError } from '../../main/connectors/types.js';

/** What @hubspot/api-client throws: ApiException-like (code = status, body, lower-cased headers). */
const hsError = (code: number, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP-Code: ${code}`), { code, body, headers });
const burst = () => hsError(429, { policyName: 'TEN_SECONDLY_ROLLING', category: 'RATE_LIMITS' });

/** A call that fails with the given errors first, then answers; records when each attempt went. */
function scripted(clock: WarpClock, failures: unknown[]) {
  const attempts: number[] = [];
  return {
    attempts,
    call: async () => {
      attempts.push(clock.now());
      const failure = failures.shift();
      if (failure) throw failure;
      return 'done';
    },
  };
}

describe('R8.1 HubSpot bucket', () => {
  test('falls back to 190/10 s for private apps and 110/10 s for OAuth apps', () => {
    expect(new HubSpotRate({ kind: 'privateApp', clock: new WarpClock() }).scheduler.bucket('main').limit).toEqual({
      max: 190,
      intervalMs: 10_000,
    });
    expect(new HubSpotRate({ kind: 'oauth', clock: new WarpClock() }).scheduler.bucket('main').limit).toEqual({
      max: 110,
      intervalMs: 10_000,
    });
  });

  test('is sized from X-HubSpot-RateLimit-Max / -Interval-Milliseconds, and usage follows the headers', () => {
    const rate = new HubSpotRate({ kind: 'privateApp', clock: new WarpClock() });
    rate.observe({
      'x-hubspot-ratelimit-max': '100',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-remaining': '97',
      'x-hubspot-ratelimit-daily': '250000',
      'x-hubspot-ratelimit-daily-remaining': '249012',
    });
    expect(rate.scheduler.bucket('main').limit).toEqual({ max: 100, intervalMs: 10_000 });
    expect(rate.usage()).toMatchObject({
      intervalMax: 100,
      intervalRemaining: 97,
      dailyMax: 250_000,
      dailyRemaining: 249_012,
    });
  });

  test('never lets more than max calls through in any rolling window', async () => {
    const clock = new WarpClock();
    const bucket = new WindowBucket(3, 10_000, clock);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      await bucket.take();
      times.push(clock.now() - Date.UTC(2026, 0, 1));
    }
    expect(times).toEqual([0, 0, 0, 10_000, 10_000, 10_000, 20_000]);
  });

  test('search has its own 5/s lane', async () => {
    const clock = new WarpClock();
    const rate = new HubSpotRate({ kind: 'privateApp', clock });
    const start = clock.now();
    await Promise.all(Array.from({ length: 6 }, () => rate.scheduler.run(async () => 'ok', { lane: 'search' })));
    expect(clock.now() - start).toBe(1000);
    await rate.scheduler.run(async () => 'ok');
    expect(clock.now() - start).toBe(1000);
  });
});

describe('R8.1 429: pause, wait out, retry — never drop', () => {
  test('TEN_SECONDLY_ROLLING without Retry-After pauses for the window, then the call succeeds', async () => {
    const clock = new WarpClock();
    const rate = new HubSpotRate({ kind: 'privateApp', clock });
    const { call, attempts } = scripted(clock, [burst(), burst(), burst()]);
    await expect(rate.scheduler.run(call)).resolves.toBe('done');
    expect(attempts.map((t) => t - (attempts[0] as number))).toEqual([0, 10_000, 20_000, 30_000]);
    expect(rate.usage().rateLimited).toBe(3);
  });

  test('Retry-After is honoured', async () => {
    const clock = new WarpClock();
    const rate = new HubSpotRate({ kind: 'privateApp', clock });
    const { call, attempts } = scripted(clock, [
      hsError(429, { policyName: 'TEN_SECONDLY_ROLLING' }, { 'retry-after': '3' }),
    ]);
    await rate.scheduler.run(call);
    expect((attempts[1] as number) - (attempts[0] as number)).toBe(3000);
  });

  test('a 429 pauses the whole bucket, so other calls wait too', async () => {
    const clock = new WarpClock();
    const rate = new HubSpotRate({ kind: 'privateApp', clock });
    const first = scripted(clock, [burst()]);
    const other = scripted(clock, []);
    await rate.scheduler.run(first.call);
    await rate.scheduler.run(other.call);
    expect((other.attempts[0] as number) - (first.attempts[0] as number)).toBeGreaterThanOrEqual(10_000);
  });

  test('after the bound of waits the call fails with a retryable API_LIMIT (the engine queues it)', async () => {
    const clock = new WarpClock();
    const rate = new HubSpotRate({ kind: 'privateApp', clock, maxRateLimitRetries: 2 });
    const { call, attempts } = scripted(clock, [burst(), burst(), burst(), burst()]);
    const error = await rate.scheduler.run(call).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({ category: 'API_LIMIT', retryable: true, status: 429 });
    expect(attempts).toHaveLength(3);
  });

  test('the DAILY policy pauses until the next day and surfaces as API_LIMIT at once', async () => {
    const clock = new WarpClock(Date.UTC(2026, 0, 1, 18));
    const rate = new HubSpotRate({ kind: 'privateApp', clock });
    const { call, attempts } = scripted(clock, [hsError(429, { policyName: 'DAILY' })]);
    await expect(rate.scheduler.run(call)).rejects.toMatchObject({ category: 'API_LIMIT', retryable: true });
    expect(attempts).toHaveLength(1);
    expect(rate.usage().pausedUntil).toBe('2026-01-02T00:00:00.000Z');
    // Later calls fail fast instead of hanging until midnight.
    await expect(rate.scheduler.run(call)).rejects.toMatchObject({ category: 'API_LIMIT', code: 'LOCAL_LIMIT' });
    expect(attempts).toHaveLength(1);
  });
});

describe('back-off on 5xx and network errors', () => {
  test('retries with exponential back-off and jitter, up to the bound, then a retryable NETWORK error', async () => {
    const clock = new WarpClock(Date.UTC(2026, 0, 1), () => 0);
    const scheduler = new RateScheduler({
      system: 'hubspot',
      clock,
      concurrency: 1,
      buckets: { main: new WindowBucket(100, 10_000, clock), search: new WindowBucket(5, 1000, clock) },
      backoff: { maxRetries: 3, baseMs: 100, capMs: 250 },
      classify: () => ({ kind: 'transient' }),
    });
    const { call, attempts } = scripted(
      clock,
      Array.from({ length: 5 }, () => hsError(503)),
    );
    await expect(scheduler.run(call)).rejects.toMatchObject({ category: 'NETWORK', retryable: true, status: 503 });
    const gaps = attempts.slice(1).map((t, i) => t - (attempts[i] as number));
    // random() = 0 → half of min(cap, base × 2^n): 50, 100, 125.
    expect(gaps).toEqual([50, 100, 125]);
  });

  test('a network error is retried and the call succeeds', async () => {
    const clock = new WarpClock();
    const rate = new HubSpotRate({ kind: 'privateApp', clock });
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    await expect(rate.scheduler.run(scripted(clock, [reset]).call)).resolves.toBe('done');
  });

  test('a non-idempotent call (a create) is not retried on a transient failure', async () => {
    const clock = new WarpClock();
    const rate = new HubSpotRate({ kind: 'privateApp', clock });
    const { call, attempts } = scripted(clock, [hsError(502)]);
    await expect(rate.scheduler.run(call, { idempotent: false })).rejects.toMatchObject({
      category: 'NETWORK',
      retryable: true,
    });
    expect(attempts).toHaveLength(1);
  });

  test('a 401 is not retried: AUTH, not retryable', async () => {
    const clock = new WarpClock();
    const rate = new HubSpotRate({ kind: 'privateApp', clock });
    const { call, attempts } = scripted(clock, [
      hsError(401, { category: 'INVALID_AUTHENTICATION', message: 'bad token' }),
    ]);
    await expect(rate.scheduler.run(call)).rejects.toMatchObject({ category: 'AUTH', retryable: false });
    expect(attempts).toHaveLength(1);
  });
});

describe('R8.2 Salesforce allocation', () => {
  test('pauses at the console allocation (default 20 % of the org maximum) with a retryable API_LIMIT', async () => {
    const clock = new WarpClock();
    const rate = new SalesforceRate({ clock });
    rate.budget.observeLimitInfo('api-usage=0/50');
    let sent = 0;
    const call = async () => {
      rate.budget.countCall();
      sent++;
    };
    for (let i = 0; i < 10; i++) await rate.scheduler.run(call);
    const error = await rate.scheduler.run(call).catch((e: unknown) => e);
    expect(sent).toBe(10);
    expect(error).toMatchObject({ category: 'API_LIMIT', retryable: true });
    expect((error as Error).message).toMatch(/used 10 of the 10 calls allocated/);
    expect(rate.budget.usage()).toMatchObject({ consoleCalls: 10, allocation: 10, orgMax: 50 });
    // Calls age out of the rolling 24 h: the work resumes by itself.
    await clock.sleep(25 * 3_600_000);
    await expect(rate.scheduler.run(call)).resolves.toBeUndefined();
  });

  test('the sfApiAllocation setting overrides the default share', async () => {
    const rate = new SalesforceRate({ clock: new WarpClock(), allocationSetting: () => 2 });
    rate.budget.observeLimitInfo('api-usage=0/100000');
    const call = async () => rate.budget.countCall();
    await rate.scheduler.run(call);
    await rate.scheduler.run(call);
    await expect(rate.scheduler.run(call)).rejects.toMatchObject({ category: 'API_LIMIT' });
  });

  test('pauses at 90 % of the org limit, whoever used it', async () => {
    const rate = new SalesforceRate({ clock: new WarpClock(), allocationSetting: () => 1_000_000 });
    rate.budget.observeLimitInfo('api-usage=8999/10000');
    await expect(rate.scheduler.run(async () => 'ok')).resolves.toBe('ok');
    rate.budget.observeLimitInfo('api-usage=9000/10000');
    const error = await rate.scheduler.run(async () => 'ok').catch((e: unknown) => e);
    expect(error).toMatchObject({ category: 'API_LIMIT', retryable: true });
    expect((error as Error).message).toMatch(/9000 of its 10000 .*90 %/);
  });

  test('REQUEST_LIMIT_EXCEEDED (TotalRequests) stops at once; the concurrency variant is waited out', async () => {
    const clock = new WarpClock();
    const rate = new SalesforceRate({ clock });
    const sfError = (message: string) =>
      Object.assign(new Error(message), { errorCode: 'REQUEST_LIMIT_EXCEEDED', name: 'REQUEST_LIMIT_EXCEEDED' });
    const concurrent = scripted(clock, [sfError('ConcurrentPerOrgLongTxn Limit exceeded.')]);
    await expect(rate.scheduler.run(concurrent.call)).resolves.toBe('done');
    const total = scripted(clock, [sfError('TotalRequests Limit exceeded.')]);
    await expect(rate.scheduler.run(total.call)).rejects.toMatchObject({
      category: 'API_LIMIT',
      code: 'REQUEST_LIMIT_EXCEEDED',
      retryable: true,
    });
    expect(total.attempts).toHaveLength(1);
  });
});
