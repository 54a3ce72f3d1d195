interface SwitchProps {
  id: string;
  checked: boolean;
  disabled?: boolean;
  /** Id of the element that names the switch. */
  labelledBy: string;
  describedBy?: string;
  onChange(next: boolean): void;
}

/** An on/off switch: a button with role="switch", so screen readers announce "on"/"off" and Space/Enter toggle it. */
export function Switch({ id, checked, disabled, labelledBy, describedBy, onChange }: SwitchProps) {
  return (
    <button
      id={id}
      type="button"
      role="switch"
      className="switch"
      aria-checked={checked}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      disabled={disabled}
      onClick={() => onChange(!checked)}
    >
      <span className="switch-thumb" aria-hidden="true" />
      <span className="switch-text" aria-hidden="true">
        {checked ? 'On' : 'Off'}
      </span>
    </button>
  );
}
