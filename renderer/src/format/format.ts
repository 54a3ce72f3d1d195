/** How numbers, times and field values read in the console. Pure functions, tested in tests/unit/renderer. */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export const formatCount = (n: number): string => integer.format(n);

/** 0.456 → "46 %"; values below 1 % but above 0 show one decimal so a small share does not read as nothing. */
export function formatPercent(fraction: number): string {
  const pct = fraction * 100;
  if (pct > 0 && pct < 1) return `${oneDecimal.format(pct)} %`;
  return `${integer.format(Math.min(Math.max(pct, 0), 100))} %`;
}

/** Records per second, as a person reads a rate. */
export function formatRate(perSecond: number): string {
  if (perSecond >= 10) return `${integer.format(perSecond)} records/s`;
  return `${oneDecimal.format(perSecond)} records/s`;
}

/** 75 → "1 min 15 s"; 4000 → "1 h 7 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const rest = s % 60;
    return rest === 0 ? `${Math.floor(s / 60)} min` : `${Math.floor(s / 60)} min ${rest} s`;
  }
  const minutes = Math.round((s % 3600) / 60);
  return minutes === 0 ? `${Math.floor(s / 3600)} h` : `${Math.floor(s / 3600)} h ${minutes} min`;
}

/** An ISO timestamp in the reader's time zone, to the second. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** "in 20 min" / "3 min ago", relative to `now`. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = (then - now.getTime()) / 1000;
  if (Math.abs(seconds) < 30) return 'now';
  const text = formatDuration(Math.abs(seconds) >= 60 ? Math.round(Math.abs(seconds) / 60) * 60 : Math.abs(seconds));
  return seconds > 0 ? `in ${text}` : `${text} ago`;
}

/** A field value from a diff or the log: blank is shown as such, never as an empty cell. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export const isBlank = (value: unknown): boolean => value === null || value === undefined || value === '';

/** `2024-05-01T10:00` from a datetime-local input → ISO in UTC; empty or invalid → undefined. */
export function localInputToIso(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
