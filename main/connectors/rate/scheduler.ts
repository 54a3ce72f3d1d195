/**
 * The rate scheduler (architecture "Rate scheduler"): one per system, shared by every run. Every remote call goes
 * through `run`, which waits for a concurrency slot and a bucket slot, sends, and decides what a failure means:
 * - a rate limit (429) pauses the bucket (Retry-After if sent, else the window) and the call is retried — never
 *   dropped — up to a bound, after which it fails with a retryable API_LIMIT so the engine queues it;
 * - an exhausted limit (HubSpot DAILY, Salesforce REQUEST_LIMIT_EXCEEDED) pauses the bucket for long and fails at
 *   once with a retryable API_LIMIT; later calls fail fast with the same answer until the pause ends;
 * - a transient failure (5xx, dropped connection) is retried with exponential back-off and jitter, up to a bound,
 *   then fails with a retryable NETWORK error. Calls marked non-idempotent are not retried on transient failures
 *   (the request may have been applied); the engine's journal reconciles them.
 * The client libraries' own retry loops are off (stack-notes §4–§5), so this is the one retry policy.
 */
import { type SystemId, toRemoteError } from '../remote-error.js';
import { QuotaError } from './quota.js';
import { RemoteError } from '../types.js';
import { type BackoffPolicy, backoffDelay, defaultBackoff } from './backoff.js';
import { type Clock, systemClock } from './clock.js';
import { Semaphore } from './semaphore.js';
import type { WindowBucket } from './window-bucket.js';

export type Lane = 'main' | 'search';

/** What one failed attempt means for the schedule; each system supplies its own reading of its errors. */
export type Verdict =
  /** Wait `waitMs` (null: the bucket's window) and retry. */
  | { kind: 'rateLimited'; waitMs: number | null }
  /** Stop: pause the lane for `pauseMs` and fail with a retryable API_LIMIT. */
  | { kind: 'exhausted'; pauseMs: number; reason: string }
  | { kind: 'transient' }
  | { kind: 'final' };

export interface SchedulerConfig {
  system: SystemId;
  clock?: Clock;
  concurrency: number;
  buckets: Record<Lane, WindowBucket>;
  backoff?: BackoffPolicy;
  /** 429s waited out for one call before it fails with a retryable API_LIMIT. */
  maxRateLimitRetries?: number;
  /** A pause longer than this is not waited out in-process; the call fails with API_LIMIT. */
  maxWaitMs?: number;
  classify(error: unknown): Verdict;
  /** Refuses a call before it is sent by throwing a RemoteError (the Salesforce allocation, R8.2). */
  admit?(): void;
}

export interface CallOptions {
  lane?: Lane;
  /** False for creates: a transient failure is not retried blindly (the engine reconciles). Default true. */
  idempotent?: boolean;
}

export interface SchedulerStats {
  calls: number;
  rateLimited: number;
  retries: number;
  inFlight: number;
  pausedUntil: string | null;
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

export class RateScheduler {
  readonly clock: Clock;
  private readonly slots: Semaphore;
  private readonly backoff: BackoffPolicy;
  private calls = 0;
  private rateLimited = 0;
  private retries = 0;

  constructor(private readonly config: SchedulerConfig) {
    this.clock = config.clock ?? systemClock;
    this.slots = new Semaphore(config.concurrency);
    this.backoff = config.backoff ?? defaultBackoff;
  }

  bucket(lane: Lane): WindowBucket {
    return this.config.buckets[lane];
  }

  stats(): SchedulerStats {
    const ends = (['main', 'search'] as const).map((lane) => this.bucket(lane).pauseEnd() ?? 0);
    const pausedUntil = Math.max(...ends);
    return {
      calls: this.calls,
      rateLimited: this.rateLimited,
      retries: this.retries,
      inFlight: this.slots.inFlight,
      pausedUntil: pausedUntil > 0 ? new Date(pausedUntil).toISOString() : null,
    };
  }

  async run<T>(fn: () => Promise<T>, options: CallOptions = {}): Promise<T> {
    const lane = options.lane ?? 'main';
    let limitedRetries = 0;
    let transientRetries = 0;
    for (;;) {
      const attempt = await this.attempt(lane, fn);
      if (attempt.ok) return attempt.value;
      const { error } = attempt;
      if (error instanceof RemoteError) throw error;
      const verdict = this.config.classify(error);
      if (verdict.kind === 'rateLimited') {
        this.rateLimited++;
        if (limitedRetries++ >= (this.config.maxRateLimitRetries ?? 10)) {
          throw this.limitFrom(
            error,
            `still rate-limited after ${limitedRetries} waits; the work is kept and retried later`,
          );
        }
        this.bucket(lane).pause(verdict.waitMs ?? this.bucket(lane).limit.intervalMs);
        this.retries++;
        continue;
      }
      if (verdict.kind === 'exhausted') {
        this.rateLimited++;
        this.bucket(lane).pause(verdict.pauseMs);
        const remote = toRemoteError(this.config.system, error);
        const resumeAt = new Date(this.clock.now() + verdict.pauseMs).toISOString();
        throw new QuotaError(remote.system, verdict.reason, resumeAt, remote.status, remote.code);
      }
      if (verdict.kind === 'transient' && options.idempotent !== false && transientRetries < this.backoff.maxRetries) {
        this.retries++;
        await this.clock.sleep(backoffDelay(this.backoff, transientRetries++, () => this.clock.random()));
        continue;
      }
      throw toRemoteError(this.config.system, error);
    }
  }

  private async attempt<T>(lane: Lane, fn: () => Promise<T>): Promise<Attempt<T>> {
    await this.slots.acquire();
    try {
      this.config.admit?.();
      const slot = await this.bucket(lane).take(this.config.maxWaitMs ?? 120_000);
      if (!slot.ok) {
        const end = this.bucket(lane).pauseEnd() ?? this.clock.now();
        throw new QuotaError(this.config.system, 'calls are paused by a rate limit.', new Date(end).toISOString());
      }
      this.calls++;
      try {
        return { ok: true, value: await fn() };
      } finally {
        slot.slot.done();
      }
    } catch (error) {
      return { ok: false, error };
    } finally {
      this.slots.release();
    }
  }

  /** An API_LIMIT that keeps the remote status and code (e.g. REQUEST_LIMIT_EXCEEDED) for the log. */
  private limitFrom(error: unknown, note: string): RemoteError {
    const remote = toRemoteError(this.config.system, error);
    return new RemoteError(remote.system, 'API_LIMIT', `${remote.message} (${note})`, true, remote.status, remote.code);
  }
}
