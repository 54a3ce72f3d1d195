/**
 * R8.1 A rate bucket over a rolling window: at most `max` calls in any `intervalMs`. A plain token bucket (refill
 * max/interval per ms) would let 2 × max through in one window — a full bucket plus its refill — which HubSpot's
 * sliding ten-second window answers with 429s; remembering when each call in the window went avoids that.
 * A pause (after a 429) holds every call until it ends.
 */
import type { Clock } from './clock.js';

/** A call's place in the window; `done()` when its answer (or error) arrives. */
export interface WindowSlot {
  done(): void;
}

export class WindowBucket {
  /**
   * The calls still inside the window (at most `max`). Each counts from when its answer came back (from when it
   * was taken while it is in flight): the server counts a call when it arrives, which is after we took the slot,
   * so counting from the take would free the slot too early and earn a 429 (measured: a few per 200 calls).
   */
  private readonly sent: { at: number }[] = [];
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

  /** Takes a slot now (returning it, to be marked done when the answer arrives), or how long to wait. */
  tryTake(): { slot: WindowSlot } | { waitMs: number } {
    const now = this.clock.now();
    if (now < this.pausedUntil) return { waitMs: this.pausedUntil - now };
    // Slots are kept in take order; one finished late only holds later ones back (slower, never over the limit).
    while (this.sent.length > 0 && (this.sent[0] as { at: number }).at + this.intervalMs <= now) this.sent.shift();
    if (this.sent.length < this.max) {
      const entry = { at: now };
      this.sent.push(entry);
      return { slot: { done: () => (entry.at = Math.max(entry.at, this.clock.now())) } };
    }
    return { waitMs: Math.max(1, (this.sent[0] as { at: number }).at + this.intervalMs - now) };
  }

  /** Waits for a slot. `maxWaitMs` bounds one wait: a longer pause (a daily limit) is the caller's to report. */
  async take(
    maxWaitMs = Number.POSITIVE_INFINITY,
  ): Promise<{ ok: true; slot: WindowSlot } | { ok: false; waitMs: number }> {
    for (;;) {
      const taken = this.tryTake();
      if ('slot' in taken) return { ok: true, slot: taken.slot };
      if (taken.waitMs > maxWaitMs) return { ok: false, waitMs: taken.waitMs };
      await this.clock.sleep(taken.waitMs);
    }
  }
}
