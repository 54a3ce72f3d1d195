import type { ReactNode } from 'react';
import type { MappingView, MappingsView, SyncRuleName } from '../../../../shared/contract/runs.js';
import { ruleLabels, ruleNames } from '../../format/labels.js';

interface MappingRowProps {
  index: number;
  mapping: MappingView;
  view: MappingsView;
  editable: boolean;
  errors: string[];
  onChange(next: MappingView): void;
  onRemove(): void;
  /** Offered for a saved mapping that syncs (R7.6); absent while edits are unsaved. */
  onApply?: () => void;
  /** The apply panel of this row, when open. */
  applyPanel?: ReactNode;
}

const sfType = (view: MappingsView, name: string) => {
  const field = view.sfFields.find((f) => f.name.toLowerCase() === name.toLowerCase());
  return field ? `${field.type}${field.calculated ? ', formula' : ''}` : null;
};
const hsType = (view: MappingsView, name: string) => {
  const prop = view.hsProperties.find((p) => p.name === name);
  return prop ? `${prop.type} · ${prop.fieldType}` : null;
};

/** One mapping: read-only text, or three selects and Remove. Errors from the last save sit under the row. */
export function MappingRow(props: MappingRowProps) {
  const { index, mapping, view, editable, errors, onChange, onRemove, onApply, applyPanel } = props;
  const n = index + 1;
  const errorId = `mapping-${index}-error`;
  const invalid = errors.length > 0;
  const common = { 'aria-invalid': invalid || undefined, 'aria-describedby': invalid ? errorId : undefined };
  const sfNames = view.sfFields.map((f) => f.name);
  const hsNames = view.hsProperties.map((p) => p.name);
  return (
    <>
      <tr className={invalid ? 'row-invalid' : undefined}>
        <td>
          {editable ? (
            <select
              {...common}
              aria-label={`Salesforce field, row ${n}`}
              value={mapping.sfField}
              onChange={(e) => onChange({ ...mapping, sfField: e.target.value })}
            >
              {!sfNames.includes(mapping.sfField) && <option value={mapping.sfField}>{mapping.sfField}</option>}
              {view.sfFields.map((f) => (
                <option key={f.name} value={f.name}>
                  {f.name} ({f.type}
                  {f.calculated ? ', formula' : ''})
                </option>
              ))}
            </select>
          ) : (
            <>
              <span className="mono">{mapping.sfField}</span>
              <div className="muted small">{sfType(view, mapping.sfField)}</div>
            </>
          )}
        </td>
        <td className="mapping-arrow" aria-hidden="true">
          ⇄
        </td>
        <td>
          {editable ? (
            <select
              {...common}
              aria-label={`HubSpot property, row ${n}`}
              value={mapping.hsProperty}
              onChange={(e) => onChange({ ...mapping, hsProperty: e.target.value })}
            >
              {!hsNames.includes(mapping.hsProperty) && (
                <option value={mapping.hsProperty}>{mapping.hsProperty}</option>
              )}
              {view.hsProperties.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name} ({p.type} · {p.fieldType})
                </option>
              ))}
            </select>
          ) : (
            <>
              <span className="mono">{mapping.hsProperty}</span>
              <div className="muted small">{hsType(view, mapping.hsProperty)}</div>
            </>
          )}
        </td>
        <td>
          {editable ? (
            <select
              aria-label={`Sync rule, row ${n}`}
              value={mapping.rule}
              onChange={(e) => onChange({ ...mapping, rule: e.target.value as SyncRuleName })}
            >
              {ruleNames.map((rule) => (
                <option key={rule} value={rule}>
                  {ruleLabels[rule]}
                </option>
              ))}
            </select>
          ) : (
            <span className={`rule-label rule-${mapping.rule.toLowerCase()}`}>{ruleLabels[mapping.rule]}</span>
          )}
        </td>
        {editable && (
          <td className="num">
            {onApply && mapping.rule !== 'NONE' && (
              <button
                type="button"
                className="link-button"
                onClick={onApply}
                aria-label={`Apply ${mapping.sfField} to existing records`}
              >
                Apply to existing
              </button>
            )}{' '}
            <button type="button" className="link-button danger-text" onClick={onRemove} aria-label={`Remove row ${n}`}>
              Remove
            </button>
          </td>
        )}
      </tr>
      {applyPanel && (
        <tr className="row-apply">
          <td colSpan={5}>{applyPanel}</td>
        </tr>
      )}
      {invalid && (
        <tr className="row-error">
          <td colSpan={editable ? 5 : 4} id={errorId}>
            {errors.map((message) => (
              <p key={message} className="field-error">
                {message}
              </p>
            ))}
          </td>
        </tr>
      )}
    </>
  );
}
