import type { ReactNode } from 'react';
import type { FieldSpec } from './fields.js';

interface SettingFieldProps {
  spec: FieldSpec;
  value: string | boolean;
  error?: string;
  onChange(value: string | boolean): void;
}

/** One labelled input with its help text and, after a failed save, main's message for it. */
export function SettingField({ spec, value, error, onChange }: SettingFieldProps) {
  const id = `setting-${spec.key}`;
  const describedBy = [`${id}-help`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined } as const;
  const label = (
    <label htmlFor={id} className="field-label">
      {spec.label}
    </label>
  );
  let control: ReactNode;
  if (spec.kind === 'checkbox') {
    control = (
      <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
    );
  } else if (spec.kind === 'choice') {
    control = (
      <select {...common} value={String(value)} onChange={(e) => onChange(e.target.value)}>
        {spec.choices?.map((choice) => (
          <option key={choice}>{choice}</option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        {...common}
        type="text"
        inputMode={spec.kind === 'optional-text' ? 'text' : 'numeric'}
        placeholder={spec.placeholder}
        value={String(value)}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className={`field field-${spec.kind === 'checkbox' ? 'checkbox' : 'input'}${error ? ' field-invalid' : ''}`}>
      {spec.kind === 'checkbox' ? (
        <div className="field-row">
          {control}
          {label}
        </div>
      ) : (
        <>
          {label}
          <div className="field-row">
            {control}
            {spec.unit && <span className="unit">{spec.unit}</span>}
          </div>
        </>
      )}
      <p id={`${id}-help`} className="field-help">
        {spec.help}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
