import { ErrorNotice } from '../components/ErrorNotice.js';
import { Page } from '../components/Page.js';
import { useSettings } from '../hooks/live-state.js';
import { ConditionForm } from './import/ConditionForm.js';
import { ImportAction } from './import/ImportAction.js';
import { PreviewResult } from './import/PreviewResult.js';
import { ResumeOffer } from './import/ResumeOffer.js';
import { RunPanel } from './import/RunPanel.js';
import { SyncOffNotice } from './import/SyncOffNotice.js';
import { useImport } from './import/use-import.js';

/** R2.3 the explicit back-fill: choose accounts, preview what would happen, then import with live progress. */
export function ImportPage() {
  const settings = useSettings();
  const wizard = useImport();
  const syncOn = settings.status === 'ready' && settings.value.syncCompanies;
  const { preview, run, unfinished } = wizard;
  return (
    <Page
      id="import"
      title="Import"
      lead="Bring existing Salesforce accounts into HubSpot as companies: the explicit back-fill that turning sync on does not do."
      wide
    >
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
        busy={preview.status === 'loading'}
      />
      {preview.status === 'loading' && (
        <p className="card muted" role="status">
          Reading both systems and planning… nothing is written.
        </p>
      )}
      {preview.status === 'error' && <ErrorNotice title="The preview failed." error={preview.error} />}
      {run && <RunPanel key={run.runId} initial={run} />}
      {preview.status === 'ready' && (
        <PreviewResult
          summary={preview.summary}
          where={preview.where}
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
    </Page>
  );
}
