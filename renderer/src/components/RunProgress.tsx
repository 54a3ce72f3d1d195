import { formatCount, formatDuration, formatPercent, formatRate } from '../format/format.js';
import { etaSeconds, phaseLabel, phaseStep, progressFraction, ratePerSecond } from '../format/progress-math.js';
import type { RunActivity } from '../hooks/use-run-activity.js';
import { ProgressBar } from './ProgressBar.js';

interface RunProgressProps {
  activity: RunActivity | null;
  /** What to say before the first progress event, or when the run is not moving (paused, ended). */
  idleText: string;
  /** Overrides the bar when the run is not moving: e.g. records written so far of those planned. */
  settledFraction?: number | null;
  label: string;
}

/**
 * Long work as a person follows it: "Step 2 of 4 · Reading Salesforce accounts · 1,200 of 2,000", a bar, the rate
 * in records per second and the time left, from the engine's `{ phase, done, total }` events.
 */
export function RunProgress({ activity, idleText, settledFraction, label }: RunProgressProps) {
  const progress = activity?.progress ?? null;
  const moving = progress !== null && progress.phase !== 'done' && settledFraction === undefined;
  const fraction = moving ? progressFraction(progress.done, progress.total) : (settledFraction ?? null);
  const step = moving ? phaseStep(progress.phase) : null;
  const rate = moving && activity ? ratePerSecond(activity.samples) : null;
  const eta = moving ? etaSeconds(progress.done, progress.total, rate) : null;
  return (
    <div className="run-progress">
      <div className="run-progress-line" role="status" aria-live="polite">
        {step && (
          <span className="muted">
            Step {step.step} of {step.of}
          </span>
        )}
        <strong>{moving ? phaseLabel(progress.phase) : idleText}</strong>
        {moving && progress.total !== null && (
          <span>
            {formatCount(progress.done)} of {formatCount(progress.total)}
          </span>
        )}
        {moving && progress.total === null && <span>{formatCount(progress.done)} so far</span>}
        {fraction !== null && <span className="run-percent">{formatPercent(fraction)}</span>}
        {rate !== null && <span className="muted">{formatRate(rate)}</span>}
        {eta !== null && <span className="muted">about {formatDuration(eta)} left</span>}
      </div>
      <ProgressBar fraction={moving || settledFraction !== undefined ? fraction : null} label={label} />
    </div>
  );
}
