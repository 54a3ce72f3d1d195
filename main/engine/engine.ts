/**
 * The sync engine: one object the Electron app, browser mode and the CLI share. Every run is refresh → plan →
 * (unless a dry run) execute, journaled in SQLite so it can be paused, cancelled, killed and resumed.
 */
import type { Database } from 'better-sqlite3';
import type { ProgressEvent, RunSummary } from '../../shared/contract/index.js';
import { AppError } from '../app/errors.js';
import type { EventBus } from '../app/events.js';
import { QuotaError, quotaWaitText } from '../connectors/rate/quota.js';
import { RemoteError } from '../connectors/types.js';
import type { SettingsService } from '../settings/settings-service.js';
import { executeRun } from './execute/executor.js';
import { boundHeapGrowth } from './execute/heap-growth.js';
import { retryTargets } from './execute/retry-queue.js';
import { hsToSfExtensions, linkedAccountOf } from './hs-to-sf/index.js';
import { ProgressReporter } from './progress.js';
import type { Remotes } from './refresh/remotes.js';
import { planForRun, refreshForRun } from './run-phases.js';
import { requestOf } from './runs/run-request.js';
import { countOps } from './runs/ops-store.js';
import {
  createRun,
  getRun,
  pauseInterruptedRuns,
  type RunKind,
  type RunState,
  setRunOption,
  setRunState,
  unfinishedRun,
} from './runs/runs-store.js';
import { noteSwitch, requireSyncOn } from './switch.js';
import { dirname } from 'node:path';
import { asDamage, DamagedDatabaseError } from '../db/health/damage.js';
import { StorageError, storageCause } from '../db/health/storage.js';
import { JOURNAL_TABLES, quickCheck } from '../db/health/integrity.js';
import type { PlannedKind, PlannedKindName } from './planned-kinds.js';
import { revertKind } from './revert/revert-kind.js';
import { applyMappingKind } from './apply-mapping/apply-kind.js';
import { hierarchyExtension } from './hierarchy/extension.js';
import { planRunHierarchy } from './hierarchy/pass.js';

export interface RunRequest {
  kind: Extract<RunKind, 'import' | 'sync' | 'resync'>;
  dryRun: boolean;
  /** import: a SOQL condition narrowing the accounts. */
  where?: string;
  /** resync: these accounts only. */
  accountIds?: string[];
  /** resync: these HubSpot companies (R5.1: unlinked ones get their account, linked ones go by accountIds). */
  companyIds?: string[];
  onProgress?: (event: ProgressEvent) => void;
}

export type { RunSummary };

/** A run that has started: its id at once, its summary when it ends (or pauses). */
export interface StartedRun {
  runId: string;
  finished: Promise<RunSummary>;
}

export interface EngineDeps {
  db: Database;
  settings: SettingsService;
  events: EventBus;
  remotes: Remotes;
  /** Takes the data folder's one-writer lock (throws when another process writes); called before a run writes. */
  claimWriter?: () => void;
  /** Runs housekeeping only when no other process is writing (its run marked `running` is really running). */
  ifNoOtherWriter?: (fn: () => void) => void;
}

export class SyncEngine {
  private active: { runId: string; stop: 'pause' | 'cancel' | null } | null = null;
  private readonly plannedKinds = new Map<string, PlannedKind>();

  constructor(private readonly deps: EngineDeps) {
    boundHeapGrowth();
    // A run left `running` by a process that ended is paused; one that another live process runs is left alone.
    const pauseLeftovers = () => pauseInterruptedRuns(deps.db);
    if (deps.ifNoOtherWriter) deps.ifNoOtherWriter(pauseLeftovers);
    else pauseLeftovers();
    this.registerKind('revert', revertKind);
    this.registerKind('apply-mapping', applyMappingKind);
    noteSwitch(deps.db, deps.settings.get());
    deps.events.on('settings', (settings) => noteSwitch(deps.db, settings));
  }

  get activeRunId(): string | null {
    return this.active?.runId ?? null;
  }

  summary(runId: string, resumed = false): RunSummary {
    const run = getRun(this.deps.db, runId);
    if (!run) throw new AppError('NOT_FOUND', `No run ${runId} in this data folder.`);
    return {
      runId,
      kind: run.kind,
      state: run.state,
      dryRun: run.dryRun,
      counts: countOps(this.deps.db, runId),
      error: run.error,
      resumed,
      createdAt: run.createdAt,
    };
  }

  /** Runs to the end (or a pause); see `start`. */
  async run(request: RunRequest): Promise<RunSummary> {
    return this.start(request).finished;
  }

  /**
   * Starts a run and answers with its id at once. A real import or sync first resumes an unfinished run of its
   * kind, so nothing is planned or written twice. Refusals (switch off, another run active) throw here, synchronously.
   */
  start(request: RunRequest): StartedRun {
    const { db, settings } = this.deps;
    if (!request.dryRun) {
      requireSyncOn(settings.get(), request.kind === 'import' ? 'an import' : `a ${request.kind}`);
      this.deps.remotes.assertReadyToSync();
      this.deps.claimWriter?.();
    }
    if (!request.dryRun && request.kind !== 'resync') {
      const unfinished = unfinishedRun(db, request.kind);
      if (unfinished) return this.startResume(unfinished.id, request.onProgress);
    }
    this.assertIdle();
    const options = {
      where: request.where ?? null,
      accountIds: request.accountIds ?? null,
      companyIds: request.companyIds ?? null,
    };
    const run = createRun(db, request.kind, options, request.dryRun);
    return {
      runId: run.id,
      finished: this.guard(run.id, (p) => this.fromScratch(run.id, request, p), request.onProgress),
    };
  }

  /** Refresh → plan → (unless a dry run) execute. */
  private async fromScratch(runId: string, request: RunRequest, progress: ProgressReporter): Promise<RunSummary> {
    await this.refresh(request, progress);
    this.plan(runId, request, progress);
    if (request.dryRun) {
      // The preview shows the parents of accounts already linked; those it would create get theirs in the real run.
      planRunHierarchy(this.deps.db, getRun(this.deps.db, runId) as NonNullable<ReturnType<typeof getRun>>);
      this.setState(runId, 'completed');
      return this.summary(runId);
    }
    return this.execute(runId, progress);
  }

  /** R9.3 a resync of every record waiting in the retry queue (of one category, if given). Null when it is empty. */
  resyncErrors(category?: string, onProgress?: (event: ProgressEvent) => void): StartedRun | null {
    const { accountIds, companyIds } = retryTargets(this.deps.db, category);
    if (accountIds.length === 0 && companyIds.length === 0) return null;
    const linked = companyIds.flatMap((id) => linkedAccountOf(this.deps.db, id) ?? []);
    return this.start({
      kind: 'resync',
      dryRun: false,
      accountIds: [...accountIds, ...linked],
      companyIds,
      onProgress,
    });
  }

  /**
   * R5.1 resync of HubSpot companies: unlinked ones get their Salesforce account now (bypassing R3), linked ones
   * push and pull their mapped fields through their accounts. A dry run plans the same ops and writes nothing.
   */
  resyncCompanies(companyIds: string[], onProgress?: (event: ProgressEvent) => void, dryRun = false): StartedRun {
    const accountIds = companyIds.flatMap((id) => linkedAccountOf(this.deps.db, id) ?? []);
    return this.start({ kind: 'resync', dryRun, accountIds, companyIds, onProgress });
  }

  /** Adds a run kind planned by its own module (engine/revert, engine/apply-mapping). */
  registerKind(kind: PlannedKindName, spec: PlannedKind): void {
    this.plannedKinds.set(kind, spec);
  }

  /** Starts a run of a registered kind: its own plan, then execution like any run (a dry run stops at the plan). */
  startKind(
    kind: PlannedKindName,
    options: Record<string, unknown>,
    dryRun: boolean,
    onProgress?: (event: ProgressEvent) => void,
  ): StartedRun {
    const spec = this.plannedKinds.get(kind);
    if (!spec) throw new AppError('INTERNAL', `Run kind ${kind} is not available in this process.`);
    if (!dryRun) {
      requireSyncOn(this.deps.settings.get(), `a ${kind} run`);
      this.deps.remotes.assertReadyToSync();
      // A revert or an apply writes like an import: never while another process writes the same folder.
      this.deps.claimWriter?.();
    }
    this.assertIdle();
    spec.validate(this.deps, options);
    const run = createRun(this.deps.db, kind, options, dryRun);
    const finished = this.guard(
      run.id,
      async (progress) => {
        await spec.plan(this.deps, run.id, options, dryRun, progress);
        this.setState(run.id, 'planned');
        if (!dryRun) return this.execute(run.id, progress);
        this.setState(run.id, 'completed');
        return this.summary(run.id);
      },
      onProgress,
    );
    return { runId: run.id, finished };
  }

  async resume(runId: string, onProgress?: (event: ProgressEvent) => void): Promise<RunSummary> {
    return this.startResume(runId, onProgress).finished;
  }

  /** Continues a run from its journal: ops `sent` but unconfirmed are replayed (idempotent), the rest executed. */
  startResume(runId: string, onProgress?: (event: ProgressEvent) => void): StartedRun {
    const run = getRun(this.deps.db, runId);
    if (!run) throw new AppError('NOT_FOUND', `No run ${runId} in this data folder.`);
    if (run.dryRun)
      throw new AppError('VALIDATION', `Run ${runId} is a dry run (a preview); start a real run instead.`);
    if (['completed', 'cancelled', 'failed'].includes(run.state)) {
      throw new AppError('CONFLICT', `Run ${runId} has ended (${run.state}); nothing to resume.`);
    }
    requireSyncOn(this.deps.settings.get(), `resuming ${run.kind} run ${runId}`);
    this.deps.remotes.assertReadyToSync();
    this.deps.claimWriter?.();
    this.assertIdle();
    // Acting on a damaged journal could write a record twice: check it before continuing from it.
    quickCheck(this.deps.db, JOURNAL_TABLES);
    if (run.options.refreshAgain === true) {
      // Paused for quota while reading (nothing was planned yet): the same run starts again from the refresh.
      setRunOption(this.deps.db, runId, 'refreshAgain', false);
      setRunState(this.deps.db, runId, 'planning', { error: null });
      const request = { ...requestOf(run), onProgress };
      return { runId, finished: this.guard(runId, (p) => this.fromScratch(runId, request, p), onProgress) };
    }
    if (run.state === 'planning') {
      // Killed while planning: the plan is incomplete, so plan it again from the start in a new run.
      this.setState(runId, 'failed', { error: 'Interrupted while planning; planned again as a new run.' });
      if (this.plannedKinds.has(run.kind)) {
        return this.startKind(run.kind as PlannedKindName, run.options, false, onProgress);
      }
      return this.start({ ...requestOf(run), onProgress });
    }
    return { runId, finished: this.guard(runId, (progress) => this.execute(runId, progress, true), onProgress) };
  }

  private assertIdle(): void {
    if (this.active)
      throw new AppError('CONFLICT', `Run ${this.active.runId} is in progress; wait for it, pause or cancel it.`);
  }

  private setState(runId: string, state: RunState, extra: { error?: string | null } = {}): void {
    setRunState(this.deps.db, runId, state, extra);
    this.deps.events.emit('run', this.summary(runId));
  }

  pause(runId: string): void {
    this.requestStop(runId, 'pause');
  }

  cancel(runId: string): void {
    const run = getRun(this.deps.db, runId);
    if (this.active?.runId !== runId) this.deps.claimWriter?.();
    if (this.active?.runId === runId) this.requestStop(runId, 'cancel');
    else if (run && ['planned', 'paused', 'running'].includes(run.state)) this.setState(runId, 'cancelled');
    else throw new AppError('CONFLICT', `Run ${runId} is not running or paused.`);
  }

  private requestStop(runId: string, stop: 'pause' | 'cancel'): void {
    if (this.active?.runId !== runId) throw new AppError('CONFLICT', `Run ${runId} is not running in this process.`);
    this.active.stop = stop;
  }

  private async guard(
    runId: string,
    body: (progress: ProgressReporter) => Promise<RunSummary>,
    onProgress?: (event: ProgressEvent) => void,
  ): Promise<RunSummary> {
    if (this.active)
      throw new AppError('CONFLICT', `Run ${this.active.runId} is in progress; wait for it, pause or cancel it.`);
    this.active = { runId, stop: null };
    const progress = new ProgressReporter(this.deps.events, runId, onProgress);
    try {
      return await body(progress);
    } catch (thrown) {
      const error = asDamage(thrown, this.deps.db.name);
      // A damaged file is not written to again, not even to record the run's end.
      if (error instanceof DamagedDatabaseError) throw error;
      const cause = storageCause(error);
      if (cause) throw this.pauseForStorage(runId, cause);
      const message = error instanceof Error ? error.message : String(error);
      const run = getRun(this.deps.db, runId);
      // A remote failure while writing pauses a real run (its journal resumes it); while reading or planning, before
      // anything was written, it fails it and the next start reads again. Anything else fails it.
      if (error instanceof QuotaError && run && !run.dryRun) {
        // Waiting for quota is not a failure: the run pauses with the time calls resume, and nothing is lost.
        if (run.state === 'planning') setRunOption(this.deps.db, runId, 'refreshAgain', true);
        this.setState(runId, 'paused', { error: quotaWaitText(error) });
        return this.summary(runId);
      }
      const state =
        error instanceof RemoteError && run && !run.dryRun && run.state !== 'planning' ? 'paused' : 'failed';
      this.setState(runId, state, { error: message });
      throw error instanceof AppError || error instanceof RemoteError ? error : new AppError('INTERNAL', message);
    } finally {
      this.active = null;
    }
  }

  /** Records the pause if the disk still takes that one small write; the next engine start pauses it otherwise. */
  private pauseForStorage(runId: string, cause: string): StorageError {
    const error = new StorageError(dirname(this.deps.db.name), cause, runId);
    try {
      // Stopped while reading or planning: it stays `planning`, which the next start plans again as a new run.
      const planning = getRun(this.deps.db, runId)?.state === 'planning';
      this.setState(runId, planning ? 'planning' : 'paused', { error: error.message });
    } catch (again) {
      if (!storageCause(again)) throw again;
    }
    return error;
  }

  private async refresh(request: RunRequest, progress: ProgressReporter): Promise<void> {
    await refreshForRun(this.deps, request, progress);
  }

  private plan(runId: string, request: RunRequest, progress: ProgressReporter): void {
    planForRun(this.deps, runId, request, progress);
    this.setState(runId, 'planned');
  }

  private async execute(runId: string, progress: ProgressReporter, resumed = false): Promise<RunSummary> {
    const { db, remotes } = this.deps;
    this.setState(runId, 'running');
    const total = countOps(db, runId);
    const toWrite = total.create + total.update;
    const run = getRun(db, runId) as NonNullable<ReturnType<typeof getRun>>;
    const control = {
      stopRequested: () => this.active?.stop ?? null,
      onBatch: (done: number) => progress.report('execute', done, toWrite),
      bulkThreshold: this.deps.settings.get().bulkThreshold,
      extensions: [hierarchyExtension, ...hsToSfExtensions, ...(this.plannedKinds.get(run.kind)?.extensions ?? [])],
    };
    let outcome = await executeRun(db, remotes, runId, control);
    // Parents are planned once the run's companies exist, so a child created in this run gets its parent.
    if (outcome.state === 'completed' && planRunHierarchy(db, run))
      outcome = await executeRun(db, remotes, runId, control);
    if (outcome.state === 'interrupted') {
      const { error } = outcome;
      this.setState(runId, 'paused', {
        error:
          error instanceof QuotaError
            ? quotaWaitText(error)
            : `${error.category}: ${error.message} Resume the run when this is solved; nothing was lost.`,
      });
    } else {
      this.setState(runId, outcome.state, { error: null });
    }
    progress.report('done', toWrite, toWrite, true);
    return this.summary(runId, resumed);
  }
}
