import { ErrorNotice } from '../../components/ErrorNotice.js';
import { OutcomeTable } from '../../components/outcome/OutcomeTable.js';
import { RejectedValues } from '../../components/outcome/RejectedValues.js';
import { runKindLabels } from '../../format/labels.js';
import { useRunOutcome } from '../../hooks/use-run-outcome.js';

/** The run picked in the filter, counted by the one outcome source: the numbers Import and Sync health show. */
export function RunOutcomeCard({ runId }: { runId: string }) {
  const { outcome, error } = useRunOutcome(runId);
  return (
    <section className="card" aria-labelledby="log-run-title">
      <h2 id="log-run-title">
        {outcome ? `${runKindLabels[outcome.kind]}${outcome.dryRun ? ' preview' : ''}` : 'Run'}{' '}
        <span className="mono muted small">{runId}</span>
      </h2>
      {error && <ErrorNotice title="The numbers of this run are not known." error={error} />}
      {!outcome && !error && <p className="muted">Numbers of this run: not known yet.</p>}
      {outcome && (
        <>
          <p className={`outcome-headline outcome-verdict-${outcome.verdict}`}>{outcome.headline}</p>
          <OutcomeTable outcome={outcome} caption={outcome.dryRun ? 'What it would do' : 'What it did'} />
          <RejectedValues outcome={outcome} />
        </>
      )}
    </section>
  );
}
