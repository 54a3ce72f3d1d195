import type { ReactNode } from 'react';
import type { RunSummary } from '../../../../shared/contract/runs.js';
import { Stat, StatGrid } from '../../components/Stat.js';
import { PlannedOps } from './PlannedOps.js';

/** Step 2: what an import would do, as four numbers and the records behind them. */
interface PreviewResultProps {
  summary: RunSummary;
  where: string;
  /** The Import button, placed between the numbers and the long table. */
  action?: ReactNode;
}

export function PreviewResult({ summary, where, action }: PreviewResultProps) {
  const { create, update, skip, hold } = summary.counts;
  return (
    <section className="card" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">
        <span className="step-number" aria-hidden="true">
          2
        </span>
        Preview
      </h2>
      <p className="muted">
        {where ? (
          <>
            Accounts where <code>{where}</code>.{' '}
          </>
        ) : (
          'All accounts. '
        )}
        Nothing has been written yet.
      </p>
      <StatGrid label="Planned changes">
        <Stat label="Create" value={create} tone="ok" hint="new HubSpot companies" />
        <Stat label="Update" value={update} tone="info" hint="matched records with changes" />
        <Stat label="Skip" value={skip} hint="already in step" />
        <Stat label="Hold" value={hold} tone="warn" hint="need a person: never guessed" />
      </StatGrid>
      {action}
      <PlannedOps runId={summary.runId} counts={summary.counts} />
    </section>
  );
}
