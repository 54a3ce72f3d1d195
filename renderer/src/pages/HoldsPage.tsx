import { useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Page } from '../components/Page.js';
import { formatCount } from '../format/format.js';
import { categoryLabel } from '../format/labels.js';
import { HoldCard } from './holds/HoldCard.js';
import { useHolds } from './holds/use-holds.js';

/** Every record held for review across runs: pick a candidate, create a new company, or skip — one or in bulk. */
export function HoldsPage() {
  const { page, error, outcome, busy, decide } = useHolds();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const holds = page?.holds ?? [];
  const chosen = holds.filter((h) => selected.has(h.sfAccountId));
  const bulk = (action: 'create' | 'skip') => {
    const targets = chosen.filter((h) => action === 'skip' || h.reason !== 'DUPLICATE_LINK');
    setSelected(new Set());
    void decide(targets.map((h) => ({ sfAccountId: h.sfAccountId, action })));
  };
  const select = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  return (
    <Page
      id="holds"
      title="Hold review"
      lead="Records held because more than one company could be theirs. Link the right one, create a new company, or skip it."
      wide
    >
      {error && <ErrorNotice title="That did not work." error={error} />}
      {outcome && (
        <div className="notice notice-info" role="status">
          {outcome.run
            ? `${formatCount(outcome.accepted.length)} decision(s) are being carried out by run ${outcome.run.runId}. This page updates when it ends.`
            : 'No decision could be carried out.'}
          {outcome.rejected.map((r) => (
            <div key={r.sfAccountId}>
              Account {r.sfAccountId}: {r.message}
              {r.category ? ` (${categoryLabel(r.category)})` : ''}
            </div>
          ))}
        </div>
      )}
      {!page && !error && <p className="card muted">Loading…</p>}
      {page && (
        <section className="card" aria-labelledby="holds-summary-title">
          <h2 id="holds-summary-title">
            {page.total === 0
              ? 'Nothing is held'
              : `${formatCount(page.total)} held record${page.total > 1 ? 's' : ''}`}
          </h2>
          {page.total === 0 ? (
            <p className="empty">Every record found its company, or a decision was taken for it.</p>
          ) : (
            <div className="button-row">
              <button
                type="button"
                className="btn"
                onClick={() => setSelected(new Set(holds.map((h) => h.sfAccountId)))}
              >
                Select all
              </button>
              <button
                type="button"
                className="btn"
                disabled={busy || chosen.length === 0}
                onClick={() => bulk('create')}
              >
                Create new for selected ({chosen.length})
              </button>
              <button type="button" className="btn" disabled={busy || chosen.length === 0} onClick={() => bulk('skip')}>
                Skip selected ({chosen.length})
              </button>
            </div>
          )}
        </section>
      )}
      {holds.map((hold) => (
        <HoldCard
          key={hold.sfAccountId}
          hold={hold}
          busy={busy}
          selected={selected.has(hold.sfAccountId)}
          onSelect={(on) => select(hold.sfAccountId, on)}
          onDecide={(action) => void decide([action])}
        />
      ))}
    </Page>
  );
}
