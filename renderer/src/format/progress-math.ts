import { phaseLabels, type RunPhase, runPhases } from '../../../shared/contract/events.js';

/**
 * Progress as a person reads it: percent, rate and time left. The engine reports `{ phase, done, total }`;
 * rate and ETA come from the samples seen in the recent past, so a pause or a slow start does not skew them forever.
 */

export interface ProgressSample {
  /** Milliseconds (Date.now()). */
  at: number;
  done: number;
}

/** Fraction done (0–1), or null while the total is unknown (reading and planning phases). */
export function progressFraction(done: number, total: number | null): number | null {
  if (total === null) return null;
  if (total <= 0) return 1;
  return Math.min(Math.max(done / total, 0), 1);
}

/** Samples older than this are dropped from the rate. */
export const RATE_WINDOW_MS = 15_000;

/** Adds a sample, keeping only the window (and always at least the newest two). A drop in `done` starts afresh. */
export function addSample(samples: readonly ProgressSample[], sample: ProgressSample): ProgressSample[] {
  const last = samples.at(-1);
  if (last && sample.done < last.done) return [sample];
  const kept = [...samples, sample].filter((s) => sample.at - s.at <= RATE_WINDOW_MS);
  return kept.length >= 2 ? kept : [...samples.slice(-1), sample];
}

/** Records per second over the samples, or null with fewer than two samples or no time between them. */
export function ratePerSecond(samples: readonly ProgressSample[]): number | null {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || last.at <= first.at) return null;
  const rate = ((last.done - first.done) * 1000) / (last.at - first.at);
  return rate > 0 ? rate : null;
}

/** Seconds left at the current rate, or null when it cannot be said. */
export function etaSeconds(done: number, total: number | null, rate: number | null): number | null {
  if (total === null || rate === null || rate <= 0) return null;
  return Math.max(total - done, 0) / rate;
}

/** The phase in a person's words (the contract's labels); a phase this build does not know is shown as sent. */
export const phaseLabel = (phase: string): string => phaseLabels[phase as RunPhase] ?? phase;

/** "Step 2 of 4": where a phase sits in the run, or null for a phase outside the list (or done). */
export function phaseStep(phase: string): { step: number; of: number } | null {
  const working = runPhases.filter((p) => p !== 'done');
  const index = working.indexOf(phase as (typeof working)[number]);
  return index < 0 ? null : { step: index + 1, of: working.length };
}
