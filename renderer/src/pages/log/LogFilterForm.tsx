import { type FormEvent, useEffect, useState } from 'react';
import type { RunSummary } from '../../../../shared/contract/runs.js';
import { useApi } from '../../client/context.js';
import { logOutcomes } from '../../../../shared/contract/runs.js';
import {
  categoryLabel,
  errorCategories,
  logDirectionLabels,
  outcomeLabels,
  runKindLabels,
  runStateLabels,
} from '../../format/labels.js';
import { formatDateTime } from '../../format/format.js';
import { type LogFilters, emptyFilters } from './log-query.js';

interface LogFilterFormProps {
  applied: LogFilters;
  onApply(filters: LogFilters): void;
}

const categories = [...errorCategories, 'UNCATEGORIZED'];
const PREVIEWS_SHOWN = 5;

// A person knows a run by when it happened and what it was; the id stays in the option's value.
const runOption = (r: RunSummary) =>
  `${runKindLabels[r.kind]} · ${formatDateTime(r.createdAt)} · ${runStateLabels[r.state].toLowerCase()}`;

/** The filters; applied together on "Apply filters" (or Enter), so a half-typed id never queries. */
export function LogFilterForm({ applied, onApply }: LogFilterFormProps) {
  const api = useApi();
  const [draft, setDraft] = useState<LogFilters>(applied);
  const [runs, setRuns] = useState<RunSummary[]>([]);
  const [previews, setPreviews] = useState<RunSummary[]>([]);
  useEffect(() => setDraft(applied), [applied]);
  useEffect(() => {
    let active = true;
    // Real runs are the history; previews (dry runs) are offered apart, the last few only.
    void api.listRuns({ limit: 50, includeDryRuns: true }).then((result) => {
      if (!active || !result.ok) return;
      setRuns(result.value.filter((r) => !r.dryRun));
      setPreviews(result.value.filter((r) => r.dryRun).slice(0, PREVIEWS_SHOWN));
    });
    return () => {
      active = false;
    };
  }, [api]);

  const set = (key: keyof LogFilters) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const knownRun = [...runs, ...previews].some((r) => r.runId === draft.runId);

  return (
    <form className="card filters" aria-label="Log filters" onSubmit={submit}>
      <div className="filter-grid">
        <label className="filter">
          <span className="field-label">Run</span>
          <select value={draft.runId} onChange={set('runId')}>
            <option value="">Any run</option>
            {!knownRun && draft.runId && <option value={draft.runId}>{draft.runId}</option>}
            {runs.map((r) => (
              <option key={r.runId} value={r.runId}>
                {runOption(r)}
              </option>
            ))}
            {previews.length > 0 && (
              <optgroup label="Previews (nothing written)">
                {previews.map((r) => (
                  <option key={r.runId} value={r.runId}>
                    {runOption(r)} preview
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        <label className="filter">
          <span className="field-label">Record id</span>
          <input
            type="text"
            className="mono"
            placeholder="Salesforce or HubSpot id"
            value={draft.recordId}
            onChange={set('recordId')}
          />
        </label>
        <label className="filter">
          <span className="field-label">Outcome</span>
          <select value={draft.outcome} onChange={set('outcome')}>
            <option value="">Any outcome</option>
            {logOutcomes.map((o) => (
              <option key={o} value={o}>
                {outcomeLabels[o]}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="field-label">Direction</span>
          <select value={draft.direction} onChange={set('direction')}>
            <option value="">Both directions</option>
            {(['sf_to_hs', 'hs_to_sf', 'local'] as const).map((d) => (
              <option key={d} value={d}>
                {logDirectionLabels[d]}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="field-label">Error category</span>
          <select value={draft.category} onChange={set('category')}>
            <option value="">Any category</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="field-label">Since</span>
          <input type="datetime-local" step="1" value={draft.since} onChange={set('since')} />
        </label>
        <label className="filter">
          <span className="field-label">Until</span>
          <input type="datetime-local" step="1" value={draft.until} onChange={set('until')} />
        </label>
        <label className="filter">
          <span className="field-label">Search</span>
          <input
            type="search"
            placeholder="Company or account name, domain, message"
            value={draft.text}
            onChange={set('text')}
          />
        </label>
        <div className="filter filter-actions">
          <button type="submit" className="btn btn-primary">
            Apply filters
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              setDraft(emptyFilters);
              onApply(emptyFilters);
            }}
          >
            Clear
          </button>
        </div>
      </div>
    </form>
  );
}
