/**
 * Back-off for transient failures (5xx, dropped connections): exponential with "full jitter" in the upper half,
 * so many callers that failed together do not come back together.
 */
export interface BackoffPolicy {
  /** Retries after the first attempt; then the call fails with a retryable RemoteError for the engine to queue. */
  maxRetries: number;
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { maxRetries: 4, baseMs: 500, capMs: 30_000 };

/** Delay before retry number `retry` (0-based): base × 2^retry, capped, then scaled by 0.5–1.0. */
export function backoffDelay(policy: BackoffPolicy, retry: number, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** retry);
  return Math.round(ceiling * (0.5 + random() * 0.5));
}
