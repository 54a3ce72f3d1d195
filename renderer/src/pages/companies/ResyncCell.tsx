import type { PreviewCompany } from '../../../../shared/contract/preview.js';
import { hrefFor } from '../../hooks/use-hash-route.js';
import type { ResyncState } from './use-resync.js';

/** The Resync button and, under it, what the resync is doing or what came of it. */
export function ResyncCell({
  company,
  state,
  onResync,
}: {
  company: PreviewCompany;
  state: ResyncState | null;
  onResync: () => void;
}) {
  const busy = state?.status === 'starting' || state?.status === 'running';
  return (
    <div className="resync-cell">
      <button
        type="button"
        className="btn"
        aria-label={`Resync ${company.name ?? company.id}`}
        disabled={busy}
        onClick={onResync}
      >
        {busy ? 'Resyncing…' : 'Resync'}
      </button>
      <div role="status" className="resync-status">
        {state?.status === 'refused' && <p className="danger-text small">Not started: {state.message}</p>}
        {state?.status === 'done' && (
          <>
            <p className={`small resync-result resync-${state.result.tone}`}>{state.result.text}</p>
            {state.result.notes.map((note) => (
              <p key={note} className="muted small">
                {note}
              </p>
            ))}
            <a className="small" href={`${hrefFor('log')}?run=${encodeURIComponent(state.runId)}&record=${company.id}`}>
              Details in the Log
            </a>
          </>
        )}
      </div>
    </div>
  );
}
