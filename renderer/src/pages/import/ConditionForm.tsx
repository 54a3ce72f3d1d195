import type { FormEvent } from 'react';

interface ConditionFormProps {
  where: string;
  onWhereChange(value: string): void;
  onPreview(): void;
  busy: boolean;
}

/** Step 1: which accounts (all, or those matching a SOQL condition), then Preview. */
export function ConditionForm({ where, onWhereChange, onPreview, busy }: ConditionFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onPreview();
  };
  return (
    <form className="card" aria-labelledby="import-scope-title" onSubmit={submit}>
      <h2 id="import-scope-title">
        <span className="step-number" aria-hidden="true">
          1
        </span>
        Choose the accounts
      </h2>
      <p className="muted">
        All Salesforce accounts, or only those matching a condition. Matching comes before any create, so accounts
        already in HubSpot are updated, not duplicated.
      </p>
      <div className="field field-input">
        <label htmlFor="import-where" className="field-label">
          Only accounts where <span className="muted">(optional)</span>
        </label>
        <div className="field-row">
          <input
            id="import-where"
            type="text"
            className="input-wide mono"
            placeholder="BillingCountry = 'Germany' AND CreatedDate = LAST_N_DAYS:90"
            value={where}
            aria-describedby="import-where-help"
            onChange={(e) => onWhereChange(e.target.value)}
          />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Previewing…' : 'Preview'}
          </button>
        </div>
        <p id="import-where-help" className="field-help">
          A SOQL condition, as after WHERE; Salesforce checks it. A preview reads both systems and writes nothing.
        </p>
      </div>
    </form>
  );
}
