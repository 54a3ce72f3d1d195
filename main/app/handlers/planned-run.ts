import type { RunSummary } from '../../../shared/contract/index.js';
import type { SyncEngine } from '../../engine/engine.js';
import type { PlannedKindName } from '../../engine/planned-kinds.js';

/**
 * A run of a planned kind started from the UI: a dry run answers with its finished plan (the preview a person
 * confirms); a real run answers at once and goes on in the background, its progress and end sent as events.
 */
export function startPlannedRun(
  engine: SyncEngine,
  kind: PlannedKindName,
  options: Record<string, unknown>,
  dryRun: boolean,
): RunSummary | Promise<RunSummary> {
  const started = engine.startKind(kind, options, dryRun);
  if (dryRun) return started.finished;
  started.finished.catch((error: unknown) => console.error(`The ${kind} run ended with an error`, error));
  return engine.summary(started.runId);
}
