/**
 * The Import page as a state machine a person can follow: before → previewed → running ⇄ paused → finished or
 * failed. The stage decides which step is current, and what the page offers next.
 */
import type { RunSummary } from '../../../../shared/contract/runs.js';

export type ImportStage = 'before' | 'previewing' | 'previewed' | 'running' | 'paused' | 'finished' | 'failed';

export function importStage(
  previewStatus: 'idle' | 'loading' | 'ready' | 'error',
  run: RunSummary | null,
): ImportStage {
  if (run) {
    switch (run.state) {
      case 'planning':
      case 'running':
        return 'running';
      case 'planned':
      case 'paused':
        return 'paused';
      case 'failed':
        return 'failed';
      default:
        // Completed, or cancelled by a person: it ended, and its outcome says what was written.
        return 'finished';
    }
  }
  if (previewStatus === 'loading') return 'previewing';
  return previewStatus === 'ready' ? 'previewed' : 'before';
}

/** The step (1 choose, 2 preview, 3 import) a stage belongs to. */
export const stageStep = (stage: ImportStage): 1 | 2 | 3 =>
  stage === 'before' ? 1 : stage === 'previewing' || stage === 'previewed' ? 2 : 3;

export const stageLabels: Record<ImportStage, string> = {
  before: 'Choose the accounts, then preview',
  previewing: 'Previewing: reading both systems',
  previewed: 'Previewed: nothing written yet',
  running: 'Importing',
  paused: 'Paused',
  finished: 'Finished',
  failed: 'Failed',
};
