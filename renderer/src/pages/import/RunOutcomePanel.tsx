import type { RunOutcome } from '../../../../shared/contract/outcome.js';
import type { RunSummary } from '../../../../shared/contract/runs.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { OutcomeTable } from '../../components/outcome/OutcomeTable.js';
import { RejectedValues } from '../../components/outcome/RejectedValues.js';
import { formatCount } from '../../format/format.js';
import { hrefFor } from '../../hooks/use-hash-route.js';
import { useRunOutcome } from '../../hooks/use-run-outcome.js';
import type { ImportStage } from './import-stage.js';

const LIVE_MS = 2000;

const logLink = (runId: string, outcome?: string) =>
  `${hrefFor('log')}?run=${encodeURIComponent(runId)}${outcome ? `&outcome=${outcome}` : ''}`;

/** What to do after an import ended: each problem the outcome names, with where to deal with it. */
function NextSteps({ outcome, onRunAgain }: { outcome: RunOutcome; onRunAgain(): void }) {
  const { held, failed, rejectedValues, pending } = outcome.totals;
  return (
    <div className="next-steps">
      <h3>Next steps</h3>
      <ul>
        {rejectedValues > 0 && (
          <li>
            <button
              type="button"
              className="link-button"
              onClick={() => document.getElementById('import-rejected')?.scrollIntoView({ behavior: 'smooth' })}
            >
              Fix {formatCount(rejectedValues)} field value{rejectedValues === 1 ? '' : 's'} not written
            </button>{' '}
            <span className="muted small">
              map the value, add the option, or stop syncing the field; then run again
            </span>
          </li>
        )}
        {held > 0 && (
          <li>
            <a href={hrefFor('sync-health')}>
              Review {formatCount(held)} held record{held === 1 ? '' : 's'}
            </a>{' '}
            <span className="muted small">choose the right company for each; nothing was guessed</span>
          </li>
        )}
        {failed > 0 && (
          <li>
            <a href={hrefFor('sync-health')}>
              See {formatCount(failed)} failed record{failed === 1 ? '' : 's'}
            </a>{' '}
            <span className="muted small">retried automatically; Sync health says why</span>
          </li>
        )}
        {pending > 0 && (
          <li>
            {formatCount(pending)} record{pending === 1 ? '' : 's'} not written yet{' '}
            <span className="muted small">run the import again to write them; nothing is written twice</span>
          </li>
        )}
        <li>
          <a href={logLink(outcome.runId)}>Every record of this import in the Log</a>
        </li>
      </ul>
      <button type="button" className="btn" onClick={onRunAgain}>
        Run again
      </button>
    </div>
  );
}

/**
 * The run's numbers per direction from the one outcome source: live while it runs, final once it ended, with the
 * values that were not written and the next steps. Without the outcome, it says so rather than showing zeros.
 */
export function RunOutcomePanel({
  run,
  stage,
  onRunAgain,
}: {
  run: RunSummary;
  stage: ImportStage;
  onRunAgain(): void;
}) {
  const ended = stage === 'finished' || stage === 'failed';
  // While records are written the numbers move: read them again every few seconds until the run stops.
  const { outcome, error } = useRunOutcome(run.runId, stage === 'running' ? LIVE_MS : null);
  if (error) return <ErrorNotice title="The outcome of this import is not known." error={error} />;
  if (!outcome) return <p className="muted">Outcome: not known yet.</p>;
  return (
    <div className="run-outcome">
      {ended && (
        <p className={`outcome-headline outcome-verdict-${outcome.verdict}`} role="status">
          {outcome.headline}
        </p>
      )}
      <OutcomeTable outcome={outcome} caption={ended ? 'What the import did' : 'Written so far'} />
      <RejectedValues outcome={outcome} id="import-rejected" />
      {ended && <NextSteps outcome={outcome} onRunAgain={onRunAgain} />}
    </div>
  );
}
