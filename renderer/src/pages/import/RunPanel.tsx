import { useState } from 'react';
import type { OpError } from '../../../../shared/contract/result.js';
import type { RunSummary } from '../../../../shared/contract/runs.js';
import { useApi } from '../../client/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { RunProgress } from '../../components/RunProgress.js';
import { progressFraction } from '../../format/progress-math.js';
import type { RunActivity } from '../../hooks/use-run-activity.js';
import type { ImportStage } from './import-stage.js';
import { RunOutcomePanel } from './RunOutcomePanel.js';

const headings: Record<RunSummary['state'], string> = {
  planning: 'Importing: reading and planning',
  planned: 'Import planned, not started',
  running: 'Importing',
  paused: 'Import paused',
  cancelled: 'Import cancelled',
  completed: 'Import finished',
  failed: 'Import failed',
};

interface RunPanelProps {
  run: RunSummary;
  activity: RunActivity | null;
  stage: ImportStage;
  onRunAgain(): void;
}

/** Step 3: the real import, live from `progress` and `run` events, with Pause / Resume / Cancel, then its outcome. */
export function RunPanel({ run, activity, stage, onRunAgain }: RunPanelProps) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OpError | null>(null);
  const ended = stage === 'finished' || stage === 'failed';
  const toWrite = run.counts.create + run.counts.update;

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

  // Not moving: the bar shows what is written of what was planned (all of it once completed).
  const settled =
    stage === 'running'
      ? undefined
      : run.state === 'completed'
        ? 1
        : toWrite > 0
          ? progressFraction(toWrite - run.counts.pending, toWrite)
          : null;
  return (
    <section className="card" aria-labelledby="import-run-title">
      <h2 id="import-run-title">
        <span className="step-number" aria-hidden="true">
          3
        </span>
        {headings[run.state]}
        {run.resumed && <span className="badge">resumed</span>}
      </h2>
      <RunProgress
        activity={activity}
        idleText={stage === 'running' ? 'Starting' : headings[run.state]}
        settledFraction={settled}
        label="Import progress"
      />
      {!ended && (
        <div className="form-actions form-actions-tight">
          {stage === 'running' && (
            <button type="button" className="btn" disabled={busy} onClick={() => void act('pause')}>
              Pause
            </button>
          )}
          {stage === 'paused' && (
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void act('resume')}>
              Resume
            </button>
          )}
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void act('cancel')}>
            Cancel
          </button>
          <span className="muted small">Pausing takes effect after the batch in flight; nothing is lost.</span>
        </div>
      )}
      {error && <ErrorNotice title="That did not work." error={error} />}
      {run.error && (
        <div className={`notice ${stage === 'paused' ? 'notice-warn' : 'notice-error'}`} role="alert">
          {run.error}
        </div>
      )}
      <RunOutcomePanel run={run} stage={stage} onRunAgain={onRunAgain} />
    </section>
  );
}
