import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../../shared/contract/events.js';
import type { RunSummary } from '../../../shared/contract/runs.js';
import { useApi } from '../client/context.js';
import { isRunFinished } from '../format/labels.js';
import { addSample, type ProgressSample } from '../format/progress-math.js';

export interface RunActivity {
  runId: string;
  /** The newest summary from a `run` event, when one has arrived for this run. */
  summary: RunSummary | null;
  progress: ProgressEvent | null;
  /** Recent samples of the current phase, for rate and ETA. */
  samples: ProgressSample[];
}

/** Folds one event into the activity of `runId` (or of whichever run reports, when `runId` is null). */
export function foldProgress(current: RunActivity | null, event: ProgressEvent, at: number): RunActivity {
  const same = current?.runId === event.runId;
  const samePhase = same && current?.progress?.phase === event.phase;
  return {
    runId: event.runId,
    summary: same ? (current?.summary ?? null) : null,
    progress: event,
    samples: addSample(samePhase ? (current?.samples ?? []) : [], { at, done: event.done }),
  };
}

/**
 * Follows a run through `progress` and `run` events. With a `runId`, only that run; without, whichever run is
 * active (the header's run indicator). A finished run stays as the last state; `null` until anything is heard.
 */
export function useRunActivity(runId: string | null = null, follow = runId === null): RunActivity | null {
  const api = useApi();
  const [activity, setActivity] = useState<RunActivity | null>(null);
  useEffect(() => {
    setActivity((current) => (current && runId !== null && current.runId !== runId ? null : current));
    if (runId === null && !follow) return;
    const mine = (id: string) => follow || id === runId;
    const offProgress = api.onProgress((event) => {
      if (mine(event.runId)) setActivity((current) => foldProgress(current, event, Date.now()));
    });
    let heard = false;
    const offRun = api.onRun((summary) => {
      if (!mine(summary.runId)) return;
      heard = true;
      setActivity((current) =>
        current?.runId === summary.runId
          ? { ...current, summary }
          : { runId: summary.runId, summary, progress: null, samples: [] },
      );
    });
    // Events sent before this subscription are gone; the run's stored state fills the gap (unless an event,
    // which is newer, arrived first).
    if (runId !== null) {
      void api.getRun({ runId }).then((result) => {
        if (heard || !result.ok) return;
        const summary = result.value;
        setActivity((current) =>
          current?.runId === runId ? { ...current, summary } : { runId, summary, progress: null, samples: [] },
        );
      });
    }
    return () => {
      offProgress();
      offRun();
    };
  }, [api, runId, follow]);
  return activity;
}

/** A run that is still going (not finished, not paused, not a finished preview). */
export function isActive(activity: RunActivity | null): boolean {
  if (!activity) return false;
  if (activity.summary && (isRunFinished(activity.summary.state) || activity.summary.state === 'paused')) return false;
  return activity.progress?.phase !== 'done';
}
