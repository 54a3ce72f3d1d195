import type { RunSummary } from '../../../../shared/contract/runs.js';
import { Badge } from '../../components/Badge.js';
import { formatCount } from '../../format/format.js';
import { runKindLabels, runStateLabels } from '../../format/labels.js';
import { hrefFor } from '../../hooks/use-hash-route.js';

const stateTone = (state: RunSummary['state']) =>
  state === 'completed' ? 'ok' : state === 'failed' ? 'danger' : state === 'paused' ? 'warn' : 'neutral';

export function LastRun({ run }: { run: RunSummary | null }) {
  if (!run) return <p className="empty">No run yet. Preview an import to start.</p>;
  const c = run.counts;
  const parts = run.dryRun
    ? [`${formatCount(c.create)} to create`, `${formatCount(c.update)} to update`, `${formatCount(c.hold)} held`]
    : [
        `${formatCount(c.created)} created`,
        `${formatCount(c.updated)} updated`,
        `${formatCount(c.held)} held`,
        `${formatCount(c.failed)} failed`,
      ];
  return (
    <div className="last-run">
      <p>
        <strong>
          {runKindLabels[run.kind]}
          {run.dryRun ? ' preview' : ''}
        </strong>{' '}
        <Badge tone={stateTone(run.state)}>{runStateLabels[run.state]}</Badge>{' '}
        <span className="muted">{parts.join(' · ')}</span>
      </p>
      {run.error && <p className="muted small">{run.error}</p>}
      <p className="small">
        <a href={`${hrefFor('log')}?run=${encodeURIComponent(run.runId)}`}>See its log</a>{' '}
        <span className="mono muted">{run.runId}</span>
      </p>
    </div>
  );
}
