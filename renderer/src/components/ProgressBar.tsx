interface ProgressBarProps {
  /** 0–1, or null for "working, total unknown". */
  fraction: number | null;
  label: string;
  slim?: boolean;
  /** Element id, for a label elsewhere. */
  id?: string;
}

/** The native <progress>: announced by screen readers, styled in styles.css, and free of inline styles (CSP). */
export function ProgressBar({ fraction, label, slim, id }: ProgressBarProps) {
  const className = `progress${slim ? ' progress-slim' : ''}${fraction === null ? ' progress-indeterminate' : ''}`;
  return fraction === null ? (
    <progress id={id} className={className} aria-label={label} />
  ) : (
    <progress id={id} className={className} aria-label={label} max={1000} value={Math.round(fraction * 1000)} />
  );
}
