import { useState } from 'react';
import type { OpError } from '../../../../shared/contract/result.js';
import { useApi } from '../../client/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { datedFileName } from '../../format/csv.js';
import { downloadText } from '../../format/download.js';
import { formatCount } from '../../format/format.js';
import type { LogQuery } from './log-query.js';

/** R9.5 the filtered log as CSV, built by main from local data (no network), saved through a Blob link. */
export function ExportLogButton({ query }: { query: LogQuery }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<OpError | null>(null);
  const exportCsv = async () => {
    setBusy(true);
    const result = await api.exportLog(query);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    downloadText(datedFileName('sfhs-log'), result.value.csv);
    setNote(
      result.value.truncated
        ? `Exported the first ${formatCount(result.value.rows)} entries only: narrow the filters to export the rest.`
        : `Exported ${formatCount(result.value.rows)} entries.`,
    );
  };
  return (
    <div className="export">
      <button type="button" className="btn" disabled={busy} onClick={() => void exportCsv()}>
        {busy ? 'Exporting…' : 'Export CSV'}
      </button>
      <span className={note.includes('only') ? 'export-note warn-text' : 'export-note muted small'} role="status">
        {note}
      </span>
      {error && <ErrorNotice title="The export failed." error={error} />}
    </div>
  );
}
