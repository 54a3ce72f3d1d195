import { useState } from 'react';
import type { OpError } from '../../../../shared/contract/result.js';
import type { RetryView } from '../../../../shared/contract/runs.js';
import { useApi } from '../../client/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { datedFileName, retriesCsv } from '../../format/csv.js';
import { downloadText } from '../../format/download.js';
import { formatCount } from '../../format/format.js';

/** Sync now, resync the failed records (R9.3), and the errors as CSV (R9.4). */
export function HealthActions({ retries }: { retries: RetryView[] }) {
  const api = useApi();
  const [busy, setBusy] = useState<'sync' | 'resync' | null>(null);
  const [error, setError] = useState<OpError | null>(null);
  const [note, setNote] = useState('');
  const count = new Set(retries.map((r) => r.recordId)).size;

  const syncNow = async () => {
    setBusy('sync');
    const result = await api.syncNow({});
    setBusy(null);
    setError(result.ok ? null : result.error);
    setNote(result.ok ? 'Sync started. This page updates when it ends.' : '');
  };
  const resync = async () => {
    setBusy('resync');
    // Main resyncs the whole retry queue: accounts, and companies whose account creation failed (R9.3).
    const result = await api.resyncErrors({});
    setBusy(null);
    setError(result.ok ? null : result.error);
    setNote(result.ok ? `Resync of ${formatCount(count)} records started. This page updates when it ends.` : '');
  };
  const exportCsv = () => {
    downloadText(datedFileName('sfhs-errors'), retriesCsv(retries));
    setNote(`Exported ${formatCount(retries.length)} failed records.`);
  };

  return (
    <div className="health-actions">
      <div className="button-row">
        <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void syncNow()}>
          {busy === 'sync' ? 'Starting…' : 'Sync now'}
        </button>
        <button type="button" className="btn" disabled={busy !== null || count === 0} onClick={() => void resync()}>
          {busy === 'resync' ? 'Starting…' : `Resync errors${count ? ` (${formatCount(count)})` : ''}`}
        </button>
        <button type="button" className="btn" disabled={retries.length === 0} onClick={exportCsv}>
          Export errors to CSV
        </button>
        <span className="muted small" role="status">
          {note}
        </span>
      </div>
      {error && <ErrorNotice title="That did not start." error={error} />}
    </div>
  );
}
