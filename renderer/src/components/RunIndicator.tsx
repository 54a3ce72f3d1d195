import { formatPercent } from '../format/format.js';
import { runKindLabels } from '../format/labels.js';
import { phaseLabel, progressFraction } from '../format/progress-math.js';
import { isActive, useRunActivity } from '../hooks/use-run-activity.js';
import { hrefFor } from '../hooks/use-hash-route.js';
import { ProgressBar } from './ProgressBar.js';

/** The header's run indicator: while any run is active, its kind, phase and percent, linking to the Import page. */
export function RunIndicator() {
  const activity = useRunActivity();
  if (!activity || !isActive(activity)) return null;
  const { progress, summary } = activity;
  const kind = summary ? runKindLabels[summary.kind] : 'Run';
  const what = summary?.dryRun ? `${kind} preview` : kind;
  const fraction = progress ? progressFraction(progress.done, progress.total) : null;
  const phase = progress ? phaseLabel(progress.phase) : 'Starting';
  const text = `${what}: ${phase}${fraction === null ? '…' : ` · ${formatPercent(fraction)}`}`;
  return (
    <a className="run-indicator" href={hrefFor('import')} title="Show the run on the Import page">
      <span className="run-indicator-text" role="status">
        {text}
      </span>
      <ProgressBar fraction={fraction} label={`${what} progress`} slim />
    </a>
  );
}
