/**
 * R2.4 the incremental sync on a timer: one sync run every `pollIntervalMinutes` (read again before each wait, so
 * a changed setting applies at the next cycle; never under 1 minute), plus "Sync now". After each sync, records in
 * the retry queue whose next attempt is due are resynced by account id (R9.3). The CLI (`sfhs sync`) and the app
 * share it. A cycle that fails (switch off, network down, another run active) is reported and the loop goes on.
 */
import { EventEmitter } from 'node:events';
import type { Database } from 'better-sqlite3';
import type { ProgressEvent, RunSummary, Settings } from '../../shared/contract/index.js';
import { quotaResumeAt } from '../connectors/rate/quota.js';
import type { SyncEngine } from './engine.js';
import { retryEntries } from './execute/retry-queue.js';

const MINUTE = 60_000;
/** Ids per resync run: keeps the `Id IN (...)` SOQL condition far below Salesforce's 100,000-character limit. */
export const RESYNC_CHUNK = 500;
/** R9.3 retries stop above 75 % of the API allocation. */
export const RETRY_BUDGET_SHARE = 0.75;

export interface SyncCycle {
  startedAt: string;
  finishedAt: string;
  sync: RunSummary;
  /** Resync runs of due retry-queue entries (none when nothing was due or the API budget is spent). */
  retries: RunSummary[];
  /** Why due retries were left for later, if they were. */
  retriesDeferred: string | null;
}

export interface SyncLoopEvents {
  cycle: [SyncCycle];
  /** A cycle that could not run or ended in an error (not `error`: an EventEmitter throws on unheard `error`). */
  failed: [{ at: string; error: Error }];
  scheduled: [{ nextRunAt: string }];
}

export interface SyncLoopDeps {
  engine: Pick<SyncEngine, 'start' | 'pause' | 'activeRunId'>;
  db: Database;
  settings: { get(): Settings };
  dryRun?: boolean;
  onProgress?: (event: ProgressEvent) => void;
  /** Share (0–1) of the Salesforce API allocation used in the last 24 h; null when unknown. */
  apiUsage?: () => number | null;
  now?: () => Date;
}

export interface ResyncOptions {
  dryRun?: boolean;
  onProgress?: (event: ProgressEvent) => void;
  /** Each run's id as it starts (to pause it). */
  onStarted?: (runId: string) => void;
  /** Asked between chunks; a paused chunk stops the rest too. */
  shouldStop?: () => boolean;
}

/** R5.2 resync of many accounts: chunks of RESYNC_CHUNK, one run each. */
export async function resyncAccounts(
  engine: Pick<SyncEngine, 'start'>,
  accountIds: string[],
  options: ResyncOptions = {},
): Promise<RunSummary[]> {
  const unique = [...new Set(accountIds)];
  const runs: RunSummary[] = [];
  for (let i = 0; i < unique.length && !options.shouldStop?.(); i += RESYNC_CHUNK) {
    const accountIds = unique.slice(i, i + RESYNC_CHUNK);
    const started = engine.start({
      kind: 'resync',
      dryRun: options.dryRun ?? false,
      accountIds,
      onProgress: options.onProgress,
    });
    options.onStarted?.(started.runId);
    const summary = await started.finished;
    runs.push(summary);
    if (summary.state === 'paused') break;
  }
  return runs;
}

export class SyncLoop {
  private readonly emitter = new EventEmitter<SyncLoopEvents>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<SyncCycle> | null = null;
  private started = false;
  private stopRequested = false;
  /** The run this loop started last: the one `stop` pauses (never someone else's). */
  private currentRunId: string | null = null;
  private nextAt: Date | null = null;
  /** The last sync waits for API quota until then: the next cycle is not before it. */
  private quotaUntil: number | null = null;

  constructor(private readonly deps: SyncLoopDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  get nextRunAt(): Date | null {
    return this.nextAt;
  }

  get running(): boolean {
    return this.inFlight !== null;
  }

  /** R2.4 minutes between the end of one cycle and the start of the next (minimum 1). */
  get intervalMs(): number {
    return Math.max(1, this.deps.settings.get().pollIntervalMinutes) * MINUTE;
  }

  on<E extends keyof SyncLoopEvents>(event: E, listener: (...args: SyncLoopEvents[E]) => void): () => void {
    this.emitter.on(event, listener as never);
    return () => this.emitter.off(event, listener as never);
  }

  /** Starts the loop; the first cycle runs at once unless `immediate` is false. */
  start({ immediate = true } = {}): void {
    if (this.started) return;
    this.started = true;
    this.stopRequested = false;
    if (immediate) this.kick();
    else this.schedule();
  }

  /** No more cycles; a run in flight is paused at its next batch (resumable) and awaited. */
  async stop(): Promise<void> {
    this.started = false;
    this.stopRequested = true;
    this.clearTimer();
    const runId = this.currentRunId;
    if (this.inFlight && runId && this.deps.engine.activeRunId === runId) this.deps.engine.pause(runId);
    await this.inFlight?.catch(() => undefined);
  }

  /** R2.4 "Sync now": a cycle at once (or the one already running), then the timer starts over. */
  syncNow(): Promise<SyncCycle> {
    if (this.inFlight) return this.inFlight;
    this.stopRequested = false;
    this.clearTimer();
    const cycle = this.cycle();
    this.inFlight = cycle;
    void cycle
      .then(
        (result) => this.emitter.emit('cycle', result),
        (error: unknown) =>
          this.emitter.emit('failed', {
            at: this.now().toISOString(),
            error: error instanceof Error ? error : new Error(String(error)),
          }),
      )
      .finally(() => {
        this.inFlight = null;
        if (this.started) this.schedule();
      });
    return cycle;
  }

  private kick(): void {
    // The outcome reaches listeners through the `cycle` / `error` events; nothing else awaits this promise.
    this.syncNow().catch(() => undefined);
  }

  private schedule(): void {
    this.clearTimer();
    const untilQuota = this.quotaUntil === null ? 0 : this.quotaUntil - this.now().getTime();
    const delay = Math.max(this.intervalMs, untilQuota);
    this.nextAt = new Date(this.now().getTime() + delay);
    this.timer = setTimeout(() => this.kick(), delay);
    this.emitter.emit('scheduled', { nextRunAt: this.nextAt.toISOString() });
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
  }

  private async cycle(): Promise<SyncCycle> {
    const { engine, dryRun = false, onProgress } = this.deps;
    const startedAt = this.now().toISOString();
    const started = engine.start({ kind: 'sync', dryRun, onProgress });
    this.currentRunId = started.runId;
    const sync = await started.finished;
    const quotaUntil = quotaResumeAt(sync.error);
    this.quotaUntil = sync.state === 'paused' && quotaUntil ? Date.parse(quotaUntil) : null;
    const skipRetries = dryRun || sync.state === 'paused' || this.stopRequested;
    const { retries, deferred } = skipRetries ? { retries: [], deferred: null } : await this.retryDue();
    return { startedAt, finishedAt: this.now().toISOString(), sync, retries, retriesDeferred: deferred };
  }

  /** R9.3 records whose next attempt is due, resynced by account id, unless the API budget is mostly spent. */
  private async retryDue(): Promise<{ retries: RunSummary[]; deferred: string | null }> {
    const due = retryEntries(this.deps.db, { dueBy: this.now().toISOString() });
    if (due.length === 0) return { retries: [], deferred: null };
    const used = this.deps.apiUsage?.() ?? null;
    if (used !== null && used > RETRY_BUDGET_SHARE) {
      const share = Math.round(used * 100);
      return {
        retries: [],
        deferred: `${due.length} due retries wait: ${share} % of the API allocation is used.`,
      };
    }
    const retries = await resyncAccounts(
      this.deps.engine,
      due.map((entry) => entry.recordId),
      {
        onProgress: this.deps.onProgress,
        onStarted: (runId) => {
          this.currentRunId = runId;
        },
        shouldStop: () => this.stopRequested,
      },
    );
    return { retries, deferred: null };
  }
}
