import { type FormEvent, useState } from 'react';
import type { OpArgs } from '../../../../shared/contract/operations.js';
import type { OpError } from '../../../../shared/contract/result.js';
import type { Settings } from '../../../../shared/contract/settings.js';
import { useApi } from '../../client/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { type Draft, type FormKey, fieldErrors, fieldSpecs, toChanges, toDraft } from './fields.js';
import { SettingField } from './SettingField.js';

/**
 * The other settings, saved together. Until the person edits something the form shows main's current values
 * (`draft` is null), so a change made elsewhere — the CLI, another window — shows up here too.
 */
export function SettingsForm({ settings }: { settings: Settings }) {
  const api = useApi();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<OpError | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const values = draft ?? toDraft(settings);
  const errors = error ? fieldErrors(error) : {};

  const change = (key: FormKey, value: string | boolean) => {
    setDraft({ ...values, [key]: value });
    setSavedAt(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    // Sent as typed; main validates and its message is shown (see toChanges).
    const changes = toChanges(values) as OpArgs<'updateSettings'>['changes'];
    const result = await api.updateSettings({ changes });
    setSaving(false);
    setError(result.ok ? null : result.error);
    if (result.ok) {
      setDraft(null);
      setSavedAt(new Date().toLocaleTimeString());
    }
  };

  const discard = () => {
    setDraft(null);
    setError(null);
  };

  return (
    <form className="card" aria-labelledby="sync-options-title" noValidate onSubmit={(e) => void save(e)}>
      <h2 id="sync-options-title">Sync options</h2>
      {error && <ErrorNotice title="Nothing was saved." error={error} />}
      <div className="fields">
        {fieldSpecs.map((spec) => (
          <SettingField
            key={spec.key}
            spec={spec}
            value={values[spec.key]}
            error={errors[spec.key]}
            onChange={(value) => change(spec.key, value)}
          />
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving || draft === null}>
          {saving ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="btn" disabled={saving || draft === null} onClick={discard}>
          Discard
        </button>
        <span role="status" className="muted">
          {savedAt ? `Saved at ${savedAt}.` : draft ? 'Unsaved changes.' : ''}
        </span>
      </div>
    </form>
  );
}
