import type { PreviewCompany } from '../../../../shared/contract/preview.js';
import { explain } from '../../../../shared/contract/explanations.js';
import { CodeBadge } from '../../components/Badge.js';
import type { ResyncState } from './use-resync.js';
import { ResyncCell } from './ResyncCell.js';

const SHOWN_CONTACTS = 5;

type LinkedAccount = NonNullable<PreviewCompany['linkedAccount']>;

/** What the decision means for this company, in words: the account it has, the one it would get, or why not. */
function AccountCell({ company, linked }: { company: PreviewCompany; linked: LinkedAccount | null }) {
  if (linked) {
    return (
      <div className="small">
        Linked to <strong>{linked.name ?? 'an account not read yet from Salesforce'}</strong>{' '}
        <span className="mono muted">{linked.id}</span>
      </div>
    );
  }
  if (company.decision === 'create') return <div className="small ok-text">Would get a Salesforce account</div>;
  return <div className="muted small">No account</div>;
}

const resyncedAccount = (state: ResyncState | undefined): LinkedAccount | null =>
  state?.status === 'done' ? state.result.account : null;

/** One row per company: its reason in words, the account, the contacts behind it, and Resync with its result. */
export function CompaniesTable({
  companies,
  resyncs,
  onResync,
}: {
  companies: PreviewCompany[];
  resyncs: Record<string, ResyncState>;
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
            <th scope="col">Salesforce account</th>
            <th scope="col">Why</th>
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
                <AccountCell company={c} linked={resyncedAccount(resyncs[c.id]) ?? c.linkedAccount} />
              </td>
              <td className="reason-cell">
                <CodeBadge code={c.reason} />
                {c.reason !== 'ALREADY_LINKED' && <div className="muted small">{explain(c.reason).text}</div>}
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
                <ResyncCell company={c} state={resyncs[c.id] ?? null} onResync={() => onResync(c.id)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
