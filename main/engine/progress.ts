import { phaseLabels, type ProgressEvent, type RunPhase } from '../../shared/contract/index.js';
import type { EventBus } from '../app/events.js';

/**
 * Progress as a throttled stream of copies: at most one event per `intervalMs` per run and phase, plus the last
 * one of each phase, so a 1,000,000-record run does not flood the window or the terminal.
 */
export class ProgressReporter {
  private last = 0;
  private lastPhase = '';

  constructor(
    private readonly events: EventBus,
    private readonly runId: string,
    private readonly listener?: (event: ProgressEvent) => void,
    private readonly intervalMs = 200,
  ) {}

  report(phase: RunPhase, done: number, total: number | null, force = false): void {
    const now = Date.now();
    if (!force && phase === this.lastPhase && now - this.last < this.intervalMs) return;
    this.last = now;
    this.lastPhase = phase;
    const event: ProgressEvent = { runId: this.runId, phase, label: phaseLabels[phase], done, total };
    this.events.emit('progress', event);
    this.listener?.(event);
  }
}
