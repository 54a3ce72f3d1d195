import { useState } from 'react';
import type { OpError } from '../../../../shared/contract/result.js';
import type { RunOpView, RunSummary } from '../../../../shared/contract/runs.js';
import { useApi } from '../../client/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatCount } from '../../format/format.js';

const messageOf = (op: RunOpView) => {
  const detail = op.detail ? (JSON.parse(op.detail) as { message?: string }) : {};
  return detail.message ?? op.reason;
};

/** Revert a run: a preview (a dry run) first, with what would be held; then the real revert in the background. */
export function RevertPanel({ run, onDone }: { run: RunSummary; onDone(): void }) {
  const api = useApi();
  const [deleteCreated, setDeleteCreated] = useState(false);
  const [preview, setPreview] = useState<{ summary: RunSummary; held: RunOpView[] } | null>(null);
  const [started, setStarted] = useState<RunSummary | null>(null);
  const [error, setError] = useState<OpError | null>(null);
  const [busy, setBusy] = useState(false);

  const previewRevert = async () => {
    setBusy(true);
    const result = await api.revertRun({ runId: run.runId, dryRun: true, deleteCreated });
    if (!result.ok) {
      setBusy(false);
      return setError(result.error);
    }
    const held = await api.listRunOps({ runId: result.value.runId, operation: 'hold', limit: 50 });
    setBusy(false);
    setError(held.ok ? null : held.error);
    setPreview({ summary: result.value, held: held.ok ? held.value : [] });
  };
  const revert = async () => {
    setBusy(true);
    const result = await api.revertRun({ runId: run.runId, dryRun: false, deleteCreated });
    setBusy(false);
    if (result.ok) {
      setStarted(result.value);
      onDone();
    } else setError(result.error);
  };

  return (
    <fieldset className="revert-panel" aria-label={`Revert ${run.runId}`}>
      <label className="small">
        <input type="checkbox" checked={deleteCreated} onChange={(e) => setDeleteCreated(e.target.checked)} /> Also
        archive the companies (and delete the accounts) this run created
      </label>
      <div className="button-row">
        <button type="button" className="btn" disabled={busy} onClick={() => void previewRevert()}>
          Preview revert
        </button>
        {preview && (
          <button
            type="button"
            className="btn btn-danger"
            disabled={busy || started !== null}
            onClick={() => void revert()}
          >
            Revert for real
          </button>
        )}
      </div>
      {preview && (
        <p className="small" role="status">
          The revert would restore {formatCount(preview.summary.counts.update)} record(s), keep{' '}
          {formatCount(preview.summary.counts.skip)} and hold {formatCount(preview.summary.counts.hold)} changed since.
        </p>
      )}
      {preview?.held.map((op) => (
        <p key={op.seq} className="small muted">
          Held {op.sfAccountId ?? op.hsCompanyId}: {messageOf(op)}
        </p>
      ))}
      {started && <p className="small">Revert started as run {started.runId}.</p>}
      {error && <ErrorNotice title="The revert did not start." error={error} />}
    </fieldset>
  );
}
