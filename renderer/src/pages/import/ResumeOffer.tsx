import type { RunSummary } from '../../../../shared/contract/runs.js';
import { formatCount } from '../../format/format.js';
import { runStateLabels } from '../../format/labels.js';

interface ResumeOfferProps {
  run: RunSummary;
  syncOn: boolean;
  onResume(): void;
  onCancel(): void;
}

/** R2.5 an import that stopped part-way goes on where it stopped: nothing is planned or written twice. */
export function ResumeOffer({ run, syncOn, onResume, onCancel }: ResumeOfferProps) {
  const { create, update, pending } = run.counts;
  const toWrite = create + update;
  return (
    <section className="callout callout-info" aria-labelledby="resume-title">
      <div className="callout-body">
        <h2 id="resume-title">An import is unfinished</h2>
        <p>
          {runStateLabels[run.state]}: {formatCount(Math.max(toWrite - pending, 0))} of {formatCount(toWrite)} records
          written. Resume it to write the rest; nothing is written twice.
        </p>
        {run.error && <p className="muted small">{run.error}</p>}
        {!syncOn && <p className="muted small">Turn company sync on to resume.</p>}
      </div>
      <div className="callout-actions">
        <button type="button" className="btn btn-primary" disabled={!syncOn} onClick={onResume}>
          Resume import
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel it
        </button>
      </div>
    </section>
  );
}
