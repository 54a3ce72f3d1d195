import { useState } from 'react';
import type { WorkspaceView } from '../../../../shared/contract/workspaces.js';
import { Badge } from '../../components/Badge.js';
import { NameForm } from './NameForm.js';
import type { WorkspaceAction } from './use-workspace-action.js';

const stateLabel = { ready: null, missing: 'Folder missing', newer: 'Newer version' } as const;

/** One workspace: switch to it, rename it; a missing one can be removed from the list or pointed elsewhere. */
export function WorkspaceCard({ workspace: w, action }: { workspace: WorkspaceView; action: WorkspaceAction }) {
  const [editing, setEditing] = useState<'rename' | 'relocate' | null>(null);
  const problem = stateLabel[w.state];
  return (
    <article className="card workspace-card" aria-label={`Workspace ${w.name}`}>
      <div className="card-head">
        <h2>{w.name}</h2>
        {w.current && <Badge tone="ok">Open</Badge>}
        {problem && <Badge tone="warn">{problem}</Badge>}
      </div>
      <p className="muted">
        <span className="mono">{w.id}</span> · <span className="mono">{w.folder}</span>
      </p>
      {w.problem && <p className="field-error">{w.problem}</p>}
      <div className="button-row">
        {!w.current && w.state === 'ready' && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={action.busy}
            onClick={() => void action.run((api) => api.switchWorkspace({ id: w.id }), `Opened "${w.name}".`)}
          >
            Switch to {w.name}
          </button>
        )}
        <button type="button" className="btn" onClick={() => setEditing('rename')}>
          Rename {w.name}
        </button>
        {w.state === 'missing' && (
          <>
            <button type="button" className="btn" onClick={() => setEditing('relocate')}>
              Point {w.name} elsewhere
            </button>
            <button
              type="button"
              className="btn"
              disabled={action.busy}
              onClick={() =>
                void action.run((api) => api.removeWorkspace({ id: w.id }), `Removed "${w.name}" from the list.`)
              }
            >
              Remove {w.name} from the list
            </button>
          </>
        )}
      </div>
      {editing === 'rename' && (
        <NameForm
          label="New name"
          submitLabel="Save name"
          initial={w.name}
          busy={action.busy}
          onCancel={() => setEditing(null)}
          onSubmit={async (name) => {
            const ok = await action.run(
              (api) => api.renameWorkspace({ id: w.id, name }),
              `Renamed to "${name.trim()}".`,
            );
            if (ok) setEditing(null);
            return ok;
          }}
        />
      )}
      {editing === 'relocate' && (
        <NameForm
          label="Folder it was moved to"
          submitLabel="Use this folder"
          placeholder="/absolute/path"
          busy={action.busy}
          onCancel={() => setEditing(null)}
          onSubmit={async (folder) => {
            const ok = await action.run(
              (api) => api.relocateWorkspace({ id: w.id, folder }),
              `"${w.name}" now uses ${folder}.`,
            );
            if (ok) setEditing(null);
            return ok;
          }}
        />
      )}
    </article>
  );
}
