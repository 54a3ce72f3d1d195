/**
 * Run kinds planned by their own module rather than from the accounts in scope (revert, apply-mapping): each reads
 * what it needs, writes its plan into the run's journal, and is then executed, paused and resumed like any run.
 */
import type { RunKind } from '../../shared/contract/index.js';
import type { EngineDeps } from './engine.js';
import type { OpExtension } from './execute/executor.js';
import type { ProgressReporter } from './progress.js';

export interface PlannedKind {
  /** How its own op kinds are sent and confirmed (see OpExtension), besides the engine's. */
  extensions?: readonly OpExtension[];
  /** Checked before the run is created; throws an AppError a person can act on. */
  validate(deps: EngineDeps, options: Record<string, unknown>): void;
  /** Refresh what the plan reads, then journal one op per decision (pages, so memory stays bounded). */
  plan(
    deps: EngineDeps,
    runId: string,
    options: Record<string, unknown>,
    dryRun: boolean,
    progress: ProgressReporter,
  ): Promise<void>;
}

export type PlannedKindName = Extract<RunKind, 'revert' | 'apply-mapping'>;
