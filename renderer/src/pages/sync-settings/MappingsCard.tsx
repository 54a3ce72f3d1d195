import type { MappingView, MappingsView } from '../../../../shared/contract/runs.js';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { ApplyMappingPanel } from './ApplyMappingPanel.js';
import { mappingRowErrors } from './mapping-errors.js';
import { MappingRow } from './MappingRow.js';
import { useMappings } from './use-mappings.js';

/** A new row: the first field and property not mapped yet, with the safest rule. */
function newMapping(view: MappingsView, rows: MappingView[]): MappingView {
  const usedSf = new Set(rows.map((r) => r.sfField.toLowerCase()));
  const usedHs = new Set(rows.map((r) => r.hsProperty));
  const sf = view.sfFields.find((f) => !usedSf.has(f.name.toLowerCase()) && !f.calculated) ?? view.sfFields[0];
  const hs = view.hsProperties.find((p) => !usedHs.has(p.name)) ?? view.hsProperties[0];
  return { sfField: sf?.name ?? '', hsProperty: hs?.name ?? '', rule: 'PREFER_SF_UNLESS_BLANK' };
}

/** R7 field mappings and their sync rules: viewable any time, editable only while company sync is on (R1.4). */
export function MappingsCard({ syncOn }: { syncOn: boolean }) {
  const m = useMappings(syncOn);
  const { view } = m;
  const known = view !== null && view.sfFields.length > 0 && view.hsProperties.length > 0;
  const editable = syncOn && known;
  const rowErrors = m.saveError?.code === 'VALIDATION' ? mappingRowErrors(m.saveError) : new Map<number, string[]>();
  const update = (index: number, next: MappingView) => m.edit(m.rows.map((row, i) => (i === index ? next : row)));
  // R7.6 applying works on the saved mapping, so it is offered only while nothing is unsaved.
  const [applying, setApplying] = useState<number | null>(null);
  const applied = applying === null || m.dirty ? null : (m.rows[applying] ?? null);

  return (
    <section className="card" aria-labelledby="mappings-title">
      <div className="card-head">
        <h2 id="mappings-title">Field mappings</h2>
        {view && (
          <span className={`pill ${editable ? 'pill-ok' : 'pill-neutral'}`}>{editable ? 'Editable' : 'Read-only'}</span>
        )}
      </div>
      <p className="muted">
        Which Salesforce account field fills which HubSpot company property, and which side wins. New mappings apply to
        records as they change, not retroactively: use "Apply to existing" on a saved mapping to write it to every
        linked record now, after a preview.
      </p>
      {!syncOn && (
        <p className="notice notice-info" id="mappings-readonly">
          Read-only because company sync is off: mappings can be edited only while it is on (HubSpot's rule, too).
        </p>
      )}
      {syncOn && view && !known && (
        <p className="notice notice-info">
          The fields of both systems are not known yet: connect Salesforce and HubSpot and preview an import, then edit
          mappings here.
        </p>
      )}
      {m.loadError && <ErrorNotice title="The mappings could not be read." error={m.loadError} />}
      {m.saveError && <ErrorNotice title="Nothing was saved." error={m.saveError} />}
      {view && (
        <div className="table-scroll">
          <table className="data-table mappings-table" aria-describedby={syncOn ? undefined : 'mappings-readonly'}>
            <caption className="visually-hidden">Field mappings</caption>
            <thead>
              <tr>
                <th scope="col">Salesforce field</th>
                <th scope="col">
                  <span className="visually-hidden">Direction</span>
                </th>
                <th scope="col">HubSpot property</th>
                <th scope="col">Sync rule</th>
                {editable && (
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {m.rows.map((mapping, index) => (
                <MappingRow
                  // Rows have no id; the index is the identity main's validation uses too (mappings.<index>).
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  key={index}
                  index={index}
                  mapping={mapping}
                  view={view}
                  editable={editable}
                  errors={rowErrors.get(index) ?? []}
                  onChange={(next) => update(index, next)}
                  onRemove={() => m.edit(m.rows.filter((_, i) => i !== index))}
                  onApply={m.dirty ? undefined : () => setApplying(index)}
                  applyPanel={
                    applied && applying === index ? (
                      <ApplyMappingPanel mapping={applied} onClose={() => setApplying(null)} />
                    ) : undefined
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view && m.rows.length === 0 && <p className="empty">No mappings: nothing but the link is synced.</p>}
      {editable && view && (
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => m.edit([...m.rows, newMapping(view, m.rows)])}>
            Add mapping
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!m.dirty || m.saving}
            onClick={() => void m.save()}
          >
            {m.saving ? 'Saving…' : 'Save mappings'}
          </button>
          <button type="button" className="btn" disabled={!m.dirty || m.saving} onClick={m.discard}>
            Discard
          </button>
          <span role="status" className="muted">
            {m.savedAt ? `Saved at ${m.savedAt}.` : m.dirty ? 'Unsaved changes.' : ''}
          </span>
        </div>
      )}
    </section>
  );
}
