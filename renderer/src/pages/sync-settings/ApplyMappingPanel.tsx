import { useState } from 'react';
import { type ApplyDirection, applyDirections } from '../../../../shared/contract/engagement.js';
import type { OpError } from '../../../../shared/contract/result.js';
import type { MappingView, RunSummary } from '../../../../shared/contract/runs.js';
import { useApi } from '../../client/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { OutcomeTable } from '../../components/outcome/OutcomeTable.js';
import { RejectedValues } from '../../components/outcome/RejectedValues.js';
import { RunProgress } from '../../components/RunProgress.js';
import { formatCount } from '../../format/format.js';
import { isRunFinished } from '../../format/labels.js';
import { useRunActivity } from '../../hooks/use-run-activity.js';
import { useRunOutcome } from '../../hooks/use-run-outcome.js';
import { PlannedOps } from '../import/PlannedOps.js';

const directionText: Record<ApplyDirection, string> = {
  both: 'Both ways, as the sync rule decides',
  to_hubspot: 'Only into HubSpot',
  to_salesforce: 'Only into Salesforce',
};

/**
 * Apply one saved mapping to every linked record: a preview (a dry run) with what would change, stay unchanged or
 * be refused per direction, then — once confirmed — the run itself, followed with the usual run progress.
 */
export function ApplyMappingPanel({ mapping, onClose }: { mapping: MappingView; onClose(): void }) {
  const api = useApi();
  const [direction, setDirection] = useState<ApplyDirection>('both');
  const [preview, setPreview] = useState<RunSummary | null>(null);
  const [started, setStarted] = useState<RunSummary | null>(null);
  const [error, setError] = useState<OpError | null>(null);
  const [busy, setBusy] = useState(false);
  const previewOutcome = useRunOutcome(preview?.runId ?? null);
  const activity = useRunActivity(started?.runId ?? null);
  const finished = activity?.summary && isRunFinished(activity.summary.state) ? activity.summary : null;
  const runOutcome = useRunOutcome(finished?.runId ?? null);
  const pair = `${mapping.sfField} ⇄ ${mapping.hsProperty}`;

  const ask = async (dryRun: boolean) => {
    setBusy(true);
    const result = await api.applyMapping({ field: mapping.sfField, direction, dryRun });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    if (dryRun) setPreview(result.value);
    else setStarted(result.value);
  };
  const writes = preview ? preview.counts.create + preview.counts.update : 0;

  return (
    <fieldset className="apply-mapping-panel" aria-label={`Apply ${pair} to existing records`}>
      <legend>Apply {pair} to existing records</legend>
      <p className="small muted">
        Writes just this field on every linked account and company, by its sync rule. Other fields are not touched; the
        run can be reverted from the Runs page.
      </p>
      <label className="small">
        Direction{' '}
        <select
          value={direction}
          disabled={busy || started !== null}
          onChange={(e) => {
            setDirection(e.target.value as ApplyDirection);
            setPreview(null);
          }}
        >
          {applyDirections.map((d) => (
            <option key={d} value={d}>
              {directionText[d]}
            </option>
          ))}
        </select>
      </label>
      <div className="button-row">
        <button type="button" className="btn" disabled={busy || started !== null} onClick={() => void ask(true)}>
          {busy && !preview ? 'Previewing…' : 'Preview changes'}
        </button>
        {preview && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || started !== null || writes === 0}
            onClick={() => void ask(false)}
          >
            Apply to {formatCount(writes)} record(s)
          </button>
        )}
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
      {error && <ErrorNotice title="Nothing was applied." error={error} />}
      {preview && !started && previewOutcome.outcome && (
        <>
          <OutcomeTable outcome={previewOutcome.outcome} caption={`What applying ${pair} would do`} />
          <RejectedValues outcome={previewOutcome.outcome} />
          {writes > 0 && <PlannedOps runId={preview.runId} counts={preview.counts} />}
        </>
      )}
      {started && (
        <RunProgress
          activity={activity}
          idleText={finished ? `Run ${finished.state}` : 'Starting…'}
          label={`Applying ${pair}`}
          {...(finished ? { settledFraction: 1 } : {})}
        />
      )}
      {runOutcome.outcome && <OutcomeTable outcome={runOutcome.outcome} caption={`What applying ${pair} did`} />}
    </fieldset>
  );
}
