import { type FormEvent, useEffect, useState } from 'react';
import { type PreviewReason, previewReasons } from '../../../../shared/contract/preview.js';
import { explain } from '../../../../shared/contract/explanations.js';
import type { PreviewFilter } from './use-preview.js';

/** Narrow the preview by reason, HubSpot owner, creation date or contact list; or refresh the cache first. */
export function PreviewFilters({
  filter,
  busy,
  onApply,
}: {
  filter: PreviewFilter;
  busy: boolean;
  onApply: (next: PreviewFilter, refresh: boolean) => void;
}) {
  const [draft, setDraft] = useState(filter);
  useEffect(() => setDraft(filter), [filter]);
  const set = (key: keyof PreviewFilter) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft, false);
  };
  return (
    <form className="filters" aria-label="Filter the preview" onSubmit={submit}>
      <div className="filter-grid">
        <label className="filter">
          <span className="field-label">Reason</span>
          <select value={draft.reason} onChange={(e) => set('reason')(e.target.value as PreviewReason | '')}>
            <option value="">Every reason</option>
            {previewReasons.map((reason) => (
              <option key={reason} value={reason}>
                {explain(reason).label}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="field-label">HubSpot owner id</span>
          <input
            type="search"
            inputMode="numeric"
            value={draft.ownerId}
            onChange={(e) => set('ownerId')(e.target.value)}
          />
        </label>
        <label className="filter">
          <span className="field-label">Created since</span>
          <input
            type="datetime-local"
            value={draft.createdSince}
            onChange={(e) => set('createdSince')(e.target.value)}
          />
        </label>
        <label className="filter">
          <span className="field-label">With a contact on list</span>
          <input
            type="search"
            inputMode="numeric"
            value={draft.listId}
            onChange={(e) => set('listId')(e.target.value)}
          />
        </label>
        <div className="filter-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Apply
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => onApply(draft, true)}>
            Refresh from both systems
          </button>
        </div>
      </div>
    </form>
  );
}
