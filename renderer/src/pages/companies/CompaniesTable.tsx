import type { PreviewCompany } from '../../../../shared/contract/preview.js';
import { Badge } from '../../components/Badge.js';
import { reasonText, reasonTone } from './reasons.js';

const SHOWN_CONTACTS = 5;

/** One row per company: its reason (badge), the contacts behind it, and R5.1 "Resync" with what came of it. */
export function CompaniesTable({
  companies,
  resyncs,
  onResync,
}: {
  companies: PreviewCompany[];
  resyncs: Record<string, string>;
  onResync: (companyId: string) => void;
}) {
  if (companies.length === 0) return <p className="empty">No company matches this filter.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table companies-table">
        <caption className="visually-hidden">HubSpot companies and the account-creation decision for each</caption>
        <thead>
          <tr>
            <th scope="col">Company</th>
            <th scope="col">Reason</th>
            <th scope="col">Contacts behind it</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {companies.map((c) => (
            <tr key={c.id} data-company-id={c.id}>
              <td>
                {c.name ?? <span className="muted">(no name)</span>}
                <div className="muted small mono">{c.id}</div>
              </td>
              <td>
                <Badge tone={reasonTone(c.reason)} title={reasonText[c.reason]}>
                  {c.reason}
                </Badge>
                <div className="muted small">{c.decision === 'create' ? 'Would create an account' : 'No account'}</div>
              </td>
              <td className="mono small">
                {c.contactIds.slice(0, SHOWN_CONTACTS).join(', ') || <span className="muted">none</span>}
                {c.contactIds.length > SHOWN_CONTACTS && (
                  <span className="muted"> and {c.contactIds.length - SHOWN_CONTACTS} more</span>
                )}
                {c.unreadableContactIds.length > 0 && (
                  <div className="muted">{c.unreadableContactIds.length} unreadable, left out</div>
                )}
              </td>
              <td>
                <button
                  type="button"
                  className="btn"
                  aria-label={`Resync ${c.name ?? c.id}`}
                  disabled={resyncs[c.id] === 'Resync started…'}
                  onClick={() => onResync(c.id)}
                >
                  Resync
                </button>
                {resyncs[c.id] && (
                  <div className="muted small" role="status">
                    {resyncs[c.id]}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
