import { useState } from 'react';
import type { OpError } from '../../../../shared/contract/result.js';
import { useApi } from '../../client/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { downloadText } from '../../format/download.js';

/** The engagement report for the client: one HTML file, saved like any download (print it to PDF from a browser). */
export function ReportButton() {
  const api = useApi();
  const [error, setError] = useState<OpError | null>(null);
  const [note, setNote] = useState('');
  const download = async () => {
    const result = await api.buildReport({});
    if (!result.ok) return setError(result.error);
    setError(null);
    downloadText(result.value.fileName, result.value.html, 'text/html;charset=utf-8');
    setNote(`Saved ${result.value.fileName}. Open it in a browser to read or print it.`);
  };
  return (
    <div className="button-row">
      <button type="button" className="btn" onClick={() => void download()}>
        Download engagement report
      </button>
      <span className="muted small" role="status">
        {note}
      </span>
      {error && <ErrorNotice title="The report could not be built." error={error} />}
    </div>
  );
}
