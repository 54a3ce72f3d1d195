import { type FormEvent, useState } from 'react';

interface NameFormProps {
  label: string;
  submitLabel: string;
  initial?: string;
  placeholder?: string;
  busy: boolean;
  onSubmit(value: string): Promise<boolean>;
  onCancel?(): void;
}

/** One text field and a button: a new workspace's name, a new name, or the folder a workspace was moved to. */
export function NameForm({ label, submitLabel, initial = '', placeholder, busy, onSubmit, onCancel }: NameFormProps) {
  const [value, setValue] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit(value).then((ok) => {
      if (ok) setValue('');
    });
  };
  return (
    <form className="field-row workspace-form" onSubmit={submit}>
      <label>
        <span className="field-label">{label}</span>{' '}
        <input type="text" value={value} placeholder={placeholder} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      )}
    </form>
  );
}
