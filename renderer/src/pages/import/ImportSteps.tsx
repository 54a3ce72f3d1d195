import { type ImportStage, stageLabels, stageStep } from './import-stage.js';

const steps = [
  { n: 1, label: 'Choose accounts' },
  { n: 2, label: 'Preview' },
  { n: 3, label: 'Import' },
] as const;

/** Where the import stands: the three steps in order, the current one marked, and the stage in words. */
export function ImportSteps({ stage }: { stage: ImportStage }) {
  const current = stageStep(stage);
  const ended = stage === 'finished';
  return (
    <nav className="import-steps" aria-label="Import steps">
      <ol>
        {steps.map((s) => {
          const state = s.n < current || (ended && s.n === current) ? 'done' : s.n === current ? 'current' : 'todo';
          return (
            <li
              key={s.n}
              className={`import-step import-step-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="step-number" aria-hidden="true">
                {state === 'done' ? '✓' : s.n}
              </span>
              {s.label}
            </li>
          );
        })}
      </ol>
      <p className={`import-stage import-stage-${stage}`} role="status">
        {stageLabels[stage]}
      </p>
    </nav>
  );
}
