import type { ReactNode } from 'react';
import type { RunSummary } from '../../../../shared/contract/runs.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { OutcomeTable } from '../../components/outcome/OutcomeTable.js';
import { RejectedValues } from '../../components/outcome/RejectedValues.js';
import { formatCount, formatDateTime } from '../../format/format.js';
import { useRunOutcome } from '../../hooks/use-run-outcome.js';
import { PlannedOps } from './PlannedOps.js';

interface PreviewResultProps {
  summary: RunSummary;
  where: string;
  /** The Import button, placed between the numbers and the long table. */
  action?: ReactNode;
  /** An import has started from this preview: the preview is history, the run below is what counts. */
  superseded: boolean;
}

/** Step 2: what an import would do, per direction, from the same outcome source as the finished run. */
export function PreviewResult({ summary, where, action, superseded }: PreviewResultProps) {
  const { outcome, error } = useRunOutcome(summary.runId);
  const scope = where ? (
    <>
      Accounts where <code>{where}</code>.
    </>
  ) : (
    'All accounts.'
  );
  return (
    <section className={`card${superseded ? ' card-settled' : ''}`} aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">
        <span className="step-number" aria-hidden="true">
          2
        </span>
        Preview
      </h2>
      <p className="muted">
        {scope}{' '}
        {superseded
          ? `Previewed${outcome ? ` ${formatDateTime(outcome.createdAt)}` : ''}; the import below read both systems again.`
          : 'Nothing has been written yet.'}
      </p>
      {error && <ErrorNotice title="The preview's numbers could not be read." error={error} />}
      {outcome ? (
        <>
          <p className="outcome-headline">
            Read {formatCount(outcome.read.accounts)} Salesforce accounts and {formatCount(outcome.read.companies)}{' '}
            HubSpot companies.
          </p>
          <OutcomeTable outcome={outcome} caption="What an import would do" />
          {!superseded && <RejectedValues outcome={outcome} />}
        </>
      ) : (
        !error && <p className="muted">Planned changes: not known yet.</p>
      )}
      {action}
      {superseded ? (
        <details className="planned-details">
          <summary>The planned operations of this preview</summary>
          <PlannedOps runId={summary.runId} counts={summary.counts} />
        </details>
      ) : (
        <PlannedOps runId={summary.runId} counts={summary.counts} />
      )}
    </section>
  );
}
