import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompaniesPreview, PreviewCompany, PreviewReason } from '../../../../shared/contract/preview.js';
import type { OpError } from '../../../../shared/contract/result.js';
import { useApi } from '../../client/context.js';
import { downloadText } from '../../format/download.js';

export interface PreviewFilter {
  reason: PreviewReason | '';
  ownerId: string;
  /** As the datetime-local input holds it (local time, no zone). */
  createdSince: string;
  listId: string;
}

export const emptyFilter: PreviewFilter = { reason: '', ownerId: '', createdSince: '', listId: '' };

const PAGE = 100;

/** The contract's filter arguments: blanks left out, the local date-time as an ISO instant. */
function filterArgs(filter: PreviewFilter) {
  return {
    ...(filter.reason ? { reason: filter.reason } : {}),
    ...(filter.ownerId.trim() ? { ownerId: filter.ownerId.trim() } : {}),
    ...(filter.createdSince ? { createdSince: new Date(filter.createdSince).toISOString() } : {}),
    ...(filter.listId.trim() ? { listId: filter.listId.trim() } : {}),
  };
}

/** R3.4 the preview: the first page (recomputed), further pages, and the CSV export. */
export function usePreview() {
  const api = useApi();
  const [filter, setFilter] = useState<PreviewFilter>(emptyFilter);
  const [preview, setPreview] = useState<CompaniesPreview | null>(null);
  const [companies, setCompanies] = useState<PreviewCompany[]>([]);
  const [error, setError] = useState<OpError | null>(null);
  const [busy, setBusy] = useState<'loading' | 'refreshing' | 'exporting' | null>(null);

  // Answers to an older filter (a refresh still running when a reason was picked) are dropped.
  const generation = useRef(0);
  const load = useCallback(
    async (next: PreviewFilter, refresh = false) => {
      const mine = ++generation.current;
      setBusy(refresh ? 'refreshing' : 'loading');
      const result = await api.previewCompanies({ ...filterArgs(next), limit: PAGE, refresh });
      if (mine !== generation.current) return;
      setBusy(null);
      if (!result.ok) return setError(result.error);
      setError(null);
      setPreview(result.value);
      setCompanies(result.value.companies);
    },
    [api],
  );

  useEffect(() => {
    void load(emptyFilter);
  }, [load]);

  const apply = (next: PreviewFilter, refresh = false) => {
    setFilter(next);
    void load(next, refresh);
  };

  const more = async () => {
    if (!preview?.nextAfterId) return;
    const mine = ++generation.current;
    setBusy('loading');
    const result = await api.previewCompanies({ ...filterArgs(filter), afterId: preview.nextAfterId, limit: PAGE });
    if (mine !== generation.current) return;
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setPreview(result.value);
    setCompanies((shown) => [...shown, ...result.value.companies]);
  };

  const exportCsv = async () => {
    setBusy('exporting');
    const { reason, ...rest } = filterArgs(filter);
    const result = await api.exportPreview({ ...rest, ...(reason ? { reason } : {}) });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    downloadText(`companies-preview-${new Date().toISOString().slice(0, 10)}.csv`, result.value.csv);
  };

  return { filter, apply, preview, companies, error, busy, more, exportCsv };
}
