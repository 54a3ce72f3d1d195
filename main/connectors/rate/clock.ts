/**
 * Time, waiting and dice behind an interface, so the rate scheduler's pauses and back-off are deterministic and
 * instant in unit tests (a fake clock advances when something sleeps) and real everywhere else.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** In [0, 1): the jitter of back-off delays. */
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
  random: () => Math.random(),
};

/**
 * A clock whose sleeps take no real time: each sleep moves `now` forward. Concurrent sleepers wake in order of
 * their deadlines, so waiting out a 10-second rate-limit pause costs a few microtasks. Used by tests and by
 * anything that wants to replay the scheduler's timing without waiting.
 */
export class WarpClock implements Clock {
  private current: number;
  private readonly sleepers: { until: number; wake: () => void }[] = [];
  /** Total virtual time slept, for assertions ("the 429 was waited out for 10 s"). */
  slept = 0;

  constructor(
    start = Date.UTC(2026, 0, 1),
    private readonly dice: () => number = () => 0.5,
  ) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  random(): number {
    return this.dice();
  }

  sleep(ms: number): Promise<void> {
    const until = this.current + Math.max(0, ms);
    return new Promise((wake) => {
      this.sleepers.push({ until, wake });
      this.sleepers.sort((a, b) => a.until - b.until);
      // Let every task that is about to sleep register first, then wake the earliest deadline.
      setImmediate(() => this.wakeNext());
    });
  }

  private wakeNext(): void {
    const next = this.sleepers.shift();
    if (!next) return;
    if (next.until > this.current) {
      this.slept += next.until - this.current;
      this.current = next.until;
    }
    next.wake();
  }
}
