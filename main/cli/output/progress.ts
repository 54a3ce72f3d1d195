/**
 * Run progress on stderr: a redrawn bar with rate and ETA when stderr is a terminal, plain lines every few seconds
 * otherwise (CI logs and pipes must not fill with carriage returns). Reads the engine's ProgressEvent as-is.
 */
import type { Writable } from 'node:stream';
import type { ProgressEvent } from '../../../shared/contract/index.js';

export interface ProgressDisplay {
  update(event: ProgressEvent): void;
  /** Clears the bar (terminal) so the next lines start on a clean row. */
  finish(): void;
}

export interface ProgressOptions {
  /** Redraw in place; defaults to the stream's own isTTY. */
  tty?: boolean;
  now?: () => number;
  /** Minimum time between two outputs: short for a bar, long for plain lines. */
  intervalMs?: number;
  width?: number;
}

export interface ProgressState {
  /** What a person reads for the phase ("Reading Salesforce accounts"): the event's label. */
  label: string;
  done: number;
  total: number | null;
  /** Milliseconds since the phase began. */
  elapsedMs: number;
}

const number = (n: number) => n.toLocaleString('en-US');

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/**
 * `Writing records  [#####-----]  1,200 / 5,000  24%  350/s  ETA 0:11` — in records of the phase; the bar, % and ETA
 * only when the total is known.
 */
export function formatProgress(state: ProgressState, barWidth = 20): string {
  const seconds = state.elapsedMs / 1000;
  const rate = seconds > 0 ? state.done / seconds : 0;
  const parts = [state.label.padEnd(27)];
  if (state.total !== null && state.total > 0) {
    const share = Math.min(1, state.done / state.total);
    const filled = Math.round(share * barWidth);
    parts.push(`[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`);
    parts.push(`${number(state.done)} / ${number(state.total)}`, `${Math.floor(share * 100)}%`);
  } else {
    parts.push(number(state.done));
  }
  parts.push(`${number(Math.round(rate))}/s`);
  if (state.total !== null && rate > 0 && state.done < state.total) {
    parts.push(`ETA ${formatDuration((state.total - state.done) / rate)}`);
  }
  return parts.join('  ');
}

/**
 * Terminal: one bar redrawn in place (at most every 100 ms). Otherwise: a line when a phase ends (its count and
 * real rate) and, within a long phase, a line every 5 s. The engine's closing `done` event only ends the last phase.
 */
export function progressDisplay(stream: Writable, options: ProgressOptions = {}): ProgressDisplay {
  const tty = options.tty ?? Boolean((stream as { isTTY?: boolean }).isTTY);
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? (tty ? 100 : 5000);
  const width = options.width ?? ((stream as { columns?: number }).columns || 100);
  let current: (ProgressEvent & { start: number }) | null = null;
  let lastOutput = Number.NEGATIVE_INFINITY;
  let drawn = false;
  const line = (t: number) =>
    current
      ? formatProgress({ label: current.label, done: current.done, total: current.total, elapsedMs: t - current.start })
      : '';
  const draw = (t: number) => {
    lastOutput = t;
    if (tty) {
      stream.write(`\r\x1b[2K${line(t).slice(0, width - 1)}`);
      drawn = true;
    } else {
      stream.write(`${line(t)}\n`);
    }
  };
  const endPhase = (t: number) => {
    if (current && !tty) draw(t);
    current = null;
  };
  return {
    update(event) {
      const t = now();
      if (event.phase !== current?.phase) {
        // The engine's closing event repeats the last phase's final count, which its throttle may have held back.
        if (event.phase === 'done' && current && current.total === event.total) current.done = event.done;
        endPhase(t);
        if (event.phase === 'done') return;
        current = { ...event, start: t };
        lastOutput = tty ? Number.NEGATIVE_INFINITY : t;
      }
      if (!current) return;
      current.done = event.done;
      current.total = event.total;
      if (t - lastOutput >= interval) draw(t);
    },
    finish() {
      endPhase(now());
      if (tty && drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
