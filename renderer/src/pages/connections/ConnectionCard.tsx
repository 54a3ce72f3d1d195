import { type ReactNode, useState } from 'react';
import type { OpError } from '../../../../shared/contract/result.js';
import type { ConnectionStatus } from '../../../../shared/contract/types.js';
import { useApi } from '../../client/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';

const NAME = { salesforce: 'Salesforce', hubspot: 'HubSpot' } as const;
const KIND = { oauth: 'OAuth sign-in', privateApp: 'private-app token', accessToken: 'pasted access token' } as const;

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** One side: what it is connected to (never a token), its problems, and connect / reconnect / disconnect. */
export function ConnectionCard({ status, form }: { status: ConnectionStatus; form: ReactNode }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<OpError | null>(null);
  const name = NAME[status.system];
  const headingId = `${status.system}-connection-title`;

  const disconnect = async () => {
    const result = await api.disconnect({ system: status.system });
    setError(result.ok ? null : result.error);
    setNote(result.ok ? (result.value.note ?? (result.value.revoked ? 'Revoked and erased.' : 'Erased.')) : null);
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-head">
        <h2 id={headingId}>{name}</h2>
        <span className={`pill ${status.problem ? 'pill-warn' : status.connected ? 'pill-ok' : 'pill-neutral'}`}>
          {status.problem ? 'needs reconnect' : status.connected ? 'connected' : 'not connected'}
        </span>
      </div>
      {status.problem && (
        <div className="notice notice-warn" role="alert">
          {status.problem}
        </div>
      )}
      {status.missingScopes.length > 0 && (
        <div className="notice notice-warn" role="alert">
          Missing scopes: {status.missingScopes.join(', ')}. The sync will not start until they are granted.
        </div>
      )}
      {status.connected && (
        <dl className="fields">
          <Detail label={status.system === 'salesforce' ? 'Org' : 'Portal'}>
            {status.label} {status.accountId && <span className="mono">({status.accountId})</span>}
          </Detail>
          {status.user && <Detail label="User">{status.user}</Detail>}
          <Detail label="Instance">{status.instanceUrl}</Detail>
          {status.kind && <Detail label="Connected with">{KIND[status.kind]}</Detail>}
          {status.system === 'hubspot' && (
            <Detail label="Scopes">
              {status.scopes.length ? status.scopes.join(', ') : 'not readable for this token'}
            </Detail>
          )}
          {status.expiresAt && <Detail label="Token expires">{new Date(status.expiresAt).toLocaleString()}</Detail>}
        </dl>
      )}
      <div className="button-row">
        <button type="button" className="btn" aria-expanded={open} onClick={() => setOpen(!open)}>
          {status.connected ? `Reconnect ${name}` : `Connect ${name}`}
        </button>
        {status.connected && (
          <button type="button" className="btn btn-danger" onClick={() => void disconnect()}>
            Disconnect {name}
          </button>
        )}
      </div>
      {note && <p className="note">{note}</p>}
      {error && <ErrorNotice title="Not disconnected." error={error} />}
      {open && form}
    </section>
  );
}
