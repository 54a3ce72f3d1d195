import { useCallback, useState } from 'react';
import type { OpError } from '../../../shared/contract/result.js';
import type { RunSummary } from '../../../shared/contract/runs.js';
import { useApi } from '../client/context.js';
import { Badge } from '../components/Badge.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Page } from '../components/Page.js';
import { formatCount } from '../format/format.js';
import { runKindLabels, runStateLabels } from '../format/labels.js';
import { useRefreshOnRun } from '../hooks/use-refresh-on-run.js';
import { ReportButton } from './runs/ReportButton.js';
import { RevertPanel } from './runs/RevertPanel.js';

const counts = (run: RunSummary) => {
  const c = run.counts;
  return run.dryRun
    ? `${formatCount(c.create)} to create · ${formatCount(c.update)} to update · ${formatCount(c.hold)} held`
    : `${formatCount(c.created)} created · ${formatCount(c.updated)} updated · ${formatCount(c.held)} held · ${formatCount(c.failed)} failed`;
};

/** Every run of this data folder, newest first; a finished real run can be reverted from here. */
export function RunsPage() {
  const api = useApi();
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [error, setError] = useState<OpError | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    const result = await api.listRuns({ limit: 100 });
    if (result.ok) setRuns(result.value);
    else setError(result.error);
  }, [api]);
  useRefreshOnRun(refresh);

  return (
    <Page
      id="runs"
      title="Runs"
      lead="Every import, sync and revert of this data folder. A finished run can be reverted."
      wide
    >
      <ReportButton />
      {error && <ErrorNotice title="The runs could not be read." error={error} />}
      {runs?.length === 0 && <p className="card empty">No runs yet.</p>}
      {runs?.map((run) => (
        <article key={run.runId} className="card" aria-label={`Run ${run.runId}`}>
          <p>
            <strong>
              {runKindLabels[run.kind]}
              {run.dryRun ? ' preview' : ''}
            </strong>{' '}
            <Badge tone={run.state === 'completed' ? 'ok' : 'neutral'}>{runStateLabels[run.state]}</Badge>{' '}
            <span className="muted">{counts(run)}</span> <span className="mono muted small">{run.runId}</span>
          </p>
          {!run.dryRun && ['completed', 'failed', 'cancelled'].includes(run.state) && (
            <>
              <button
                type="button"
                className="link-button"
                aria-expanded={open === run.runId}
                onClick={() => setOpen(open === run.runId ? null : run.runId)}
              >
                Revert this run…
              </button>
              {open === run.runId && <RevertPanel run={run} onDone={() => void refresh()} />}
            </>
          )}
        </article>
      ))}
    </Page>
  );
}
