/**
 * R8.1 A rate bucket over a rolling window: at most `max` calls in any `intervalMs`. A plain token bucket (refill
 * max/interval per ms) would let 2 × max through in one window — a full bucket plus its refill — which HubSpot's
 * sliding ten-second window answers with 429s; remembering when each call in the window went avoids that.
 * A pause (after a 429) holds every call until it ends.
 */
import type { Clock } from './clock.js';

export class WindowBucket {
  /** Start times of the calls still inside the window, oldest first (at most `max` of them). */
  private readonly sent: number[] = [];
  private pausedUntil = 0;

  constructor(
    private max: number,
    private intervalMs: number,
    private readonly clock: Clock,
  ) {}

  get limit(): { max: number; intervalMs: number } {
    return { max: this.max, intervalMs: this.intervalMs };
  }

  /** Follows the limit the server announces (X-HubSpot-RateLimit-Max / -Interval-Milliseconds). */
  resize(max: number, intervalMs: number): void {
    if (max > 0) this.max = max;
    if (intervalMs > 0) this.intervalMs = intervalMs;
  }

  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  /** End of the current pause (epoch ms), or null when not paused. */
  pauseEnd(): number | null {
    return this.pausedUntil > this.clock.now() ? this.pausedUntil : null;
  }

  /** Takes a slot now and returns 0, or returns how long to wait before asking again. */
  tryTake(): number {
    const now = this.clock.now();
    if (now < this.pausedUntil) return this.pausedUntil - now;
    while (this.sent.length > 0 && (this.sent[0] as number) + this.intervalMs <= now) this.sent.shift();
    if (this.sent.length < this.max) {
      this.sent.push(now);
      return 0;
    }
    return Math.max(1, (this.sent[0] as number) + this.intervalMs - now);
  }

  /** Waits for a slot. `maxWaitMs` bounds one wait: a longer pause (a daily limit) is the caller's to report. */
  async take(maxWaitMs = Number.POSITIVE_INFINITY): Promise<{ ok: true } | { ok: false; waitMs: number }> {
    for (;;) {
      const waitMs = this.tryTake();
      if (waitMs === 0) return { ok: true };
      if (waitMs > maxWaitMs) return { ok: false, waitMs };
      await this.clock.sleep(waitMs);
    }
  }
}
