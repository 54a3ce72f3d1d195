import { ErrorNotice } from '../components/ErrorNotice.js';
import { Page } from '../components/Page.js';
import { useWorkspaces } from '../hooks/live-state.js';
import { NameForm } from './workspaces/NameForm.js';
import { useWorkspaceAction } from './workspaces/use-workspace-action.js';
import { WorkspaceCard } from './workspaces/WorkspaceCard.js';

/** One workspace per client engagement: its own cache, log, settings and saved sign-ins. */
export function WorkspacesPage() {
  const workspaces = useWorkspaces();
  const action = useWorkspaceAction();
  return (
    <Page
      id="workspaces"
      title="Workspaces"
      lead="One workspace per client: each keeps its own connections, cache, log and settings. Switching closes this one and opens the other."
    >
      <p className="notice notice-info">
        A switch is refused while a run is going in the open workspace: pause or cancel it on the Runs page (or let it
        finish) first.
      </p>
      {action.error && <ErrorNotice title="That did not work." error={action.error} />}
      {action.done && (
        <p className="notice notice-info" role="status">
          {action.done}
        </p>
      )}
      {workspaces.status === 'loading' && <p className="card muted">Loading…</p>}
      {workspaces.status === 'error' && <ErrorNotice error={workspaces.error} />}
      {workspaces.status === 'ready' && (
        <>
          {workspaces.value.notice && <p className="notice notice-error">{workspaces.value.notice}</p>}
          {workspaces.value.pinnedFolder ? (
            <p className="card">
              This console was started with <span className="mono">--data-dir {workspaces.value.pinnedFolder}</span>,
              which pins that one folder. Start it without --data-dir to use workspaces.
            </p>
          ) : (
            <>
              {workspaces.value.workspaces.map((w) => (
                <WorkspaceCard key={w.id} workspace={w} action={action} />
              ))}
              <section className="card" aria-labelledby="new-workspace-title">
                <h2 id="new-workspace-title">New workspace</h2>
                <p className="muted">It gets its own folder in the app's folder and starts with nothing connected.</p>
                <NameForm
                  label="Name"
                  submitLabel="Create workspace"
                  placeholder="e.g. Acme Corp migration"
                  busy={action.busy}
                  onSubmit={(name) =>
                    action.run(
                      (api) => api.createWorkspace({ name }),
                      `Created "${name.trim()}". Switch to it to connect.`,
                    )
                  }
                />
              </section>
            </>
          )}
        </>
      )}
    </Page>
  );
}
