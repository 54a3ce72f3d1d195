import { ErrorNotice } from '../components/ErrorNotice.js';
import { Page } from '../components/Page.js';
import { formatCount } from '../format/format.js';
import { CompaniesTable } from './companies/CompaniesTable.js';
import { PreviewFilters } from './companies/PreviewFilters.js';
import { ReasonChart } from './companies/ReasonChart.js';
import { usePreview } from './companies/use-preview.js';
import { useResync } from './companies/use-resync.js';
import { explain } from '../../../shared/contract/explanations.js';

/** R3.4 the account-creation preview of every HubSpot company, with R5.1 "Resync" per company. */
export function CompaniesPage() {
  const { filter, apply, preview, companies, error, busy, more, exportCsv } = usePreview();
  const { resyncs, resync } = useResync();
  return (
    <Page
      id="companies"
      title="Companies"
      lead="Every HubSpot company, whether it would get a Salesforce account, and why — before anything is written."
      wide
    >
      {error && <ErrorNotice title="The preview could not be computed." error={error} />}
      <section className="card" aria-labelledby="companies-reasons-title">
        <div className="card-head">
          <h2 id="companies-reasons-title">Account creation by reason</h2>
          {preview && (
            <span className="muted small">
              {formatCount(Object.values(preview.counts).reduce((a, b) => a + b, 0))} companies · computed{' '}
              {new Date(preview.computedAt).toLocaleTimeString()}
            </span>
          )}
        </div>
        {preview && !preview.syncEnabled && (
          <p className="notice" role="note">
            Company sync is off: this is what would happen. Nothing is created until it is turned on (Sync settings).
          </p>
        )}
        {preview?.problems.map((p) => (
          <p key={`${p.code}-${p.recordId ?? ''}`} className="notice notice-warn" role="alert">
            <strong>{explain(p.code).label}:</strong> {p.message} {explain(p.code).fix}
          </p>
        ))}
        {preview ? (
          <ReasonChart
            counts={preview.counts}
            selected={filter.reason}
            onSelect={(reason) => apply({ ...filter, reason })}
          />
        ) : (
          !error && <p className="muted">Loading…</p>
        )}
      </section>
      <section className="card" aria-labelledby="companies-table-title">
        <h2 id="companies-table-title">Companies</h2>
        <PreviewFilters filter={filter} busy={busy !== null} onApply={apply} />
        <div className="table-toolbar">
          <span className="muted small" aria-live="polite">
            {busy === 'refreshing'
              ? 'Reading both systems…'
              : preview && `Showing ${formatCount(companies.length)} of ${formatCount(preview.total)}`}
          </span>
          <button type="button" className="btn" disabled={busy !== null || !preview} onClick={() => void exportCsv()}>
            Export CSV
          </button>
        </div>
        <CompaniesTable companies={companies} resyncs={resyncs} onResync={(id) => void resync(id)} />
        {preview?.nextAfterId && (
          <div className="pager">
            <button type="button" className="btn" disabled={busy !== null} onClick={() => void more()}>
              Show more
            </button>
          </div>
        )}
      </section>
    </Page>
  );
}
