import type { RunSummary } from '../../../../shared/contract/runs.js';
import { formatCount } from '../../format/format.js';

interface ImportActionProps {
  preview: RunSummary;
  syncOn: boolean;
  starting: boolean;
  onImport(): void;
}

/** The button that writes: only after a preview, and only with company sync on (R1.2). */
export function ImportAction({ preview, syncOn, starting, onImport }: ImportActionProps) {
  const writes = preview.counts.create + preview.counts.update;
  return (
    <div className="import-action">
      <div>
        <h3>Ready to import?</h3>
        <p className="muted" id="import-action-help">
          {syncOn
            ? `Writes about ${formatCount(writes)} records in batches, checkpointed: pause, resume or cancel at any time. Both systems are read again first, so changes since the preview are included.`
            : 'Company sync is off, so an import would write nothing. Turn it on above to import.'}
        </p>
      </div>
      <button
        type="button"
        className="btn btn-primary btn-large"
        disabled={!syncOn || starting}
        aria-describedby="import-action-help"
        onClick={onImport}
      >
        {starting ? 'Starting…' : 'Import to HubSpot'}
      </button>
    </div>
  );
}
