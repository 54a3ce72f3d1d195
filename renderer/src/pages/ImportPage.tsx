import { ErrorNotice } from '../components/ErrorNotice.js';
import { Page } from '../components/Page.js';
import { RunProgress } from '../components/RunProgress.js';
import { useSettings } from '../hooks/live-state.js';
import { useRunActivity } from '../hooks/use-run-activity.js';
import { ConditionForm } from './import/ConditionForm.js';
import { ImportAction } from './import/ImportAction.js';
import { ImportSteps } from './import/ImportSteps.js';
import { importStage } from './import/import-stage.js';
import { PreviewResult } from './import/PreviewResult.js';
import { ResumeOffer } from './import/ResumeOffer.js';
import { RunPanel } from './import/RunPanel.js';
import { SyncOffNotice } from './import/SyncOffNotice.js';
import { useImport } from './import/use-import.js';

/**
 * R2.3 the explicit back-fill, as steps a person follows in order: choose accounts, preview what would happen
 * (nothing written), import with live progress, then the outcome per direction and what to do next.
 */
export function ImportPage() {
  const settings = useSettings();
  const wizard = useImport();
  const syncOn = settings.status === 'ready' && settings.value.syncCompanies;
  const { preview, unfinished } = wizard;
  // The run as its events tell it (state, counts), falling back to what starting or resuming answered.
  const activity = useRunActivity(wizard.run?.runId ?? null);
  const run = wizard.run ? (activity?.summary ?? wizard.run) : null;
  // While a preview runs, its events are the only news: follow whichever run reports.
  const previewActivity = useRunActivity(null, preview.status === 'loading');
  const stage = importStage(preview.status, run);
  return (
    <Page
      id="import"
      title="Import"
      lead="Bring existing Salesforce accounts into HubSpot as companies: the explicit back-fill that turning sync on does not do."
      wide
    >
      <ImportSteps stage={stage} />
      {settings.status === 'ready' && !syncOn && <SyncOffNotice />}
      {unfinished && !run && (
        <ResumeOffer
          run={unfinished}
          syncOn={syncOn}
          onResume={() => void wizard.resume(unfinished.runId)}
          onCancel={() => void wizard.cancelUnfinished(unfinished.runId)}
        />
      )}
      {wizard.error && <ErrorNotice title="The import did not start." error={wizard.error} />}
      <ConditionForm
        where={wizard.where}
        onWhereChange={wizard.setWhere}
        onPreview={() => void wizard.runPreview()}
        busy={preview.status === 'loading' || stage === 'running' || stage === 'paused'}
      />
      {preview.status === 'loading' && (
        <section className="card" aria-label="Preview progress">
          <RunProgress
            activity={previewActivity}
            idleText="Reading both systems and planning… nothing is written."
            label="Preview progress"
          />
        </section>
      )}
      {preview.status === 'error' && <ErrorNotice title="The preview failed." error={preview.error} />}
      {preview.status === 'ready' && (
        <PreviewResult
          summary={preview.summary}
          where={preview.where}
          superseded={run !== null}
          action={
            run ? undefined : (
              <ImportAction
                preview={preview.summary}
                syncOn={syncOn}
                starting={wizard.starting}
                onImport={() => void wizard.startImport()}
              />
            )
          }
        />
      )}
      {run && <RunPanel key={run.runId} run={run} activity={activity} stage={stage} onRunAgain={wizard.runAgain} />}
    </Page>
  );
}
