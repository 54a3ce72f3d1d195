import type { HoldActionInput, HoldView } from '../../../../shared/contract/engagement.js';
import { Badge } from '../../components/Badge.js';
import { formatDateTime } from '../../format/format.js';
import { categoryLabel, reasonLabel } from '../../format/labels.js';

interface HoldCardProps {
  hold: HoldView;
  selected: boolean;
  busy: boolean;
  onSelect(selected: boolean): void;
  onDecide(action: HoldActionInput): void;
}

/** Why a company is a candidate: the facts a person weighs before linking. */
function facts(c: HoldView['candidates'][number]): string[] {
  const out: string[] = [];
  if (c.sharedContacts.length)
    out.push(
      `${c.sharedContacts.length} shared contact${c.sharedContacts.length > 1 ? 's' : ''}: ${c.sharedContacts.map((s) => s.email ?? s.id).join(', ')}`,
    );
  if (c.sameDomain) out.push('Same domain');
  if (c.sameName) out.push('Same name');
  return out.length ? out : ['No shared contact, domain or name'];
}

/** One held account: why it is held, its candidates with their facts, and the three decisions. */
export function HoldCard({ hold, selected, busy, onSelect, onDecide }: HoldCardProps) {
  const id = hold.sfAccountId;
  const title = `${hold.accountName ?? 'Account without a name'}`;
  const duplicate = hold.reason === 'DUPLICATE_LINK';
  return (
    <article className="card hold-card" aria-label={`Held account ${id}`}>
      <div className="card-head">
        <label className="hold-select">
          <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} />
          <span className="visually-hidden">Select {id}</span>
        </label>
        <h2>
          {title} <span className="mono muted small">{id}</span>
        </h2>
        <Badge tone="warn">{reasonLabel(hold.reason)}</Badge>
        <Badge tone="neutral">{categoryLabel(hold.category)}</Badge>
      </div>
      <p className="small">
        {hold.message}{' '}
        <span className="muted">
          Held {formatDateTime(hold.heldAt)}
          {hold.domain ? ` · ${hold.domain}` : ''}
        </span>
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Candidate companies for {id}</caption>
          <thead>
            <tr>
              <th scope="col">Company</th>
              <th scope="col">Domain</th>
              <th scope="col">Why it is a candidate</th>
              <th scope="col">
                <span className="visually-hidden">Decision</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {hold.candidates.map((c) => (
              <tr key={c.companyId}>
                <td>
                  {c.name ?? '(no name)'}
                  <div className="mono muted small">{c.companyId}</div>
                </td>
                <td>{c.domain ?? '—'}</td>
                <td>
                  {facts(c).map((f) => (
                    <div key={f} className="small">
                      {f}
                    </div>
                  ))}
                  {c.linkedToAccount && <div className="small">Linked to account {c.linkedToAccount}</div>}
                </td>
                <td>
                  <button
                    type="button"
                    className="btn"
                    disabled={busy || c.linkedToAccount !== null}
                    aria-label={`Link ${id} to company ${c.companyId}`}
                    onClick={() => onDecide({ sfAccountId: id, action: 'link', hsCompanyId: c.companyId })}
                  >
                    Link to this company
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="btn"
          disabled={busy || duplicate}
          title={duplicate ? 'These companies already carry the account id: link one of them.' : undefined}
          onClick={() => onDecide({ sfAccountId: id, action: 'create' })}
        >
          Create new company
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => onDecide({ sfAccountId: id, action: 'skip' })}
        >
          Skip for good
        </button>
      </div>
    </article>
  );
}
