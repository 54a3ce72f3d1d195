import { useState } from 'react';
import type { OpError } from '../../../../shared/contract/result.js';
import type { RunSummary } from '../../../../shared/contract/runs.js';
import { useApi } from '../../client/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { Stat, StatGrid } from '../../components/Stat.js';
import { formatCount, formatDuration, formatPercent, formatRate } from '../../format/format.js';
import { isRunFinished, runStateLabels } from '../../format/labels.js';
import { etaSeconds, phaseLabel, progressFraction, ratePerSecond } from '../../format/progress-math.js';
import { useRunActivity } from '../../hooks/use-run-activity.js';
import { hrefFor } from '../../hooks/use-hash-route.js';

const headings: Record<RunSummary['state'], string> = {
  planning: 'Importing: planning',
  planned: 'Import planned',
  running: 'Importing',
  paused: 'Import paused',
  cancelled: 'Import cancelled',
  completed: 'Import finished',
  failed: 'Import failed',
};

/** Step 3: the real import, live from `progress` and `run` events, with Pause / Resume / Cancel and the outcome. */
export function RunPanel({ initial }: { initial: RunSummary }) {
  const api = useApi();
  const activity = useRunActivity(initial.runId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OpError | null>(null);
  const run = activity?.summary ?? initial;
  const progress = activity?.progress ?? null;
  const finished = isRunFinished(run.state);
  const writing = progress?.phase === 'execute' || progress?.phase === 'done';
  const toWrite = run.counts.create + run.counts.update;

  let fraction: number | null = progress ? progressFraction(progress.done, progress.total) : null;
  if (run.state === 'completed') fraction = 1;
  else if (!writing && (run.state === 'paused' || finished) && toWrite > 0) {
    fraction = progressFraction(toWrite - run.counts.pending, toWrite);
  }
  const rate = activity && writing ? ratePerSecond(activity.samples) : null;
  const eta = progress && writing && run.state === 'running' ? etaSeconds(progress.done, progress.total, rate) : null;
  const phase = run.state === 'completed' ? 'Done' : progress ? phaseLabel(progress.phase) : runStateLabels[run.state];

  const act = async (what: 'pause' | 'resume' | 'cancel') => {
    setBusy(true);
    const args = { runId: run.runId };
    const result =
      what === 'pause'
        ? await api.pauseRun(args)
        : what === 'resume'
          ? await api.resumeRun(args)
          : await api.cancelRun(args);
    setBusy(false);
    setError(result.ok ? null : result.error);
  };

  const { created, updated, held, skipped, failed, pending } = run.counts;
  return (
    <section className="card" aria-labelledby="import-run-title">
      <h2 id="import-run-title">
        <span className="step-number" aria-hidden="true">
          3
        </span>
        {headings[run.state]}
        {run.resumed && <span className="badge">resumed</span>}
      </h2>
      <div className="run-progress">
        <div className="run-progress-line" role="status" aria-live="polite">
          <strong>{phase}</strong>
          {progress && progress.total !== null && (
            <span>
              {formatCount(progress.done)} of {formatCount(progress.total)}
            </span>
          )}
          {progress && progress.total === null && <span>{formatCount(progress.done)} read</span>}
          {fraction !== null && <span className="run-percent">{formatPercent(fraction)}</span>}
          {rate !== null && <span className="muted">{formatRate(rate)}</span>}
          {eta !== null && <span className="muted">about {formatDuration(eta)} left</span>}
        </div>
        <ProgressBar fraction={fraction} label="Import progress" />
      </div>
      <div className="form-actions form-actions-tight">
        {run.state === 'running' || run.state === 'planning' ? (
          <button type="button" className="btn" disabled={busy} onClick={() => void act('pause')}>
            Pause
          </button>
        ) : null}
        {run.state === 'paused' || run.state === 'planned' ? (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void act('resume')}>
            Resume
          </button>
        ) : null}
        {!finished && (
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void act('cancel')}>
            Cancel
          </button>
        )}
        {!finished && (
          <span className="muted small">Pausing takes effect after the batch in flight; nothing is lost.</span>
        )}
      </div>
      {error && <ErrorNotice title="That did not work." error={error} />}
      {run.error && (
        <div className={`notice ${run.state === 'paused' ? 'notice-warn' : 'notice-error'}`} role="alert">
          {run.error}
        </div>
      )}
      <StatGrid label="Import outcome">
        <Stat label="Created" value={created} tone="ok" />
        <Stat label="Updated" value={updated} tone="info" />
        <Stat label="Held" value={held} tone="warn" />
        <Stat label="Skipped" value={skipped} />
        <Stat
          label="Failed"
          value={failed}
          tone={failed > 0 ? 'danger' : 'neutral'}
          hint={failed > 0 ? <a href={hrefFor('sync-health')}>See Sync health</a> : undefined}
        />
        {pending > 0 && <Stat label="Not yet written" value={pending} />}
      </StatGrid>
    </section>
  );
}
