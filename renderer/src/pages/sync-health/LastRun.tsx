import type { RunOutcome } from '../../../../shared/contract/outcome.js';
import type { RunSummary } from '../../../../shared/contract/runs.js';
import { Badge } from '../../components/Badge.js';
import { OutcomeTable } from '../../components/outcome/OutcomeTable.js';
import { RejectedValues } from '../../components/outcome/RejectedValues.js';
import { formatDateTime } from '../../format/format.js';
import { runKindLabels, runStateLabels } from '../../format/labels.js';
import { hrefFor } from '../../hooks/use-hash-route.js';

const stateTone = (state: RunSummary['state']) =>
  state === 'completed' ? 'ok' : state === 'failed' ? 'danger' : state === 'paused' ? 'warn' : 'neutral';

/** The last real run, counted by the one outcome source: the same numbers the Import page and the Log show. */
export function LastRun({ run, outcome }: { run: RunSummary | null; outcome: RunOutcome | null }) {
  if (!run) return <p className="empty">No run yet. Preview an import to start.</p>;
  return (
    <div className="last-run">
      <p>
        <strong>{runKindLabels[run.kind]}</strong>{' '}
        <Badge tone={stateTone(run.state)}>{runStateLabels[run.state]}</Badge>{' '}
        {outcome && <span className="muted small">{formatDateTime(outcome.createdAt)}</span>}
      </p>
      {outcome ? (
        <>
          <p className={`outcome-headline outcome-verdict-${outcome.verdict}`}>{outcome.headline}</p>
          <OutcomeTable outcome={outcome} caption={`What the last ${runKindLabels[run.kind].toLowerCase()} did`} />
          <RejectedValues outcome={outcome} id="health-rejected" />
        </>
      ) : (
        <p className="muted">What this run wrote: not known.</p>
      )}
      {run.error && <p className="muted small">{run.error}</p>}
      <p className="small">
        <a href={`${hrefFor('log')}?run=${encodeURIComponent(run.runId)}`}>See its log</a>
      </p>
    </div>
  );
}
