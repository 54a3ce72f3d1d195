import type { Handlers } from '../../ipc/dispatch.js';
import { pinnedControl } from '../workspaces/control.js';
import type { HandlerDeps } from './index.js';

type WorkspaceHandlers = Pick<
  Handlers,
  'listWorkspaces' | 'createWorkspace' | 'renameWorkspace' | 'switchWorkspace' | 'removeWorkspace' | 'relocateWorkspace'
>;

/** Answered by the workspace host; services opened on one folder alone (no host) list that folder and change nothing. */
export const workspaceHandlers = ({ config, engine }: HandlerDeps): WorkspaceHandlers => {
  const control = config.workspaces ?? pinnedControl(config.dataDir, () => engine.activeRunId);
  return {
    listWorkspaces: () => control.view(),
    createWorkspace: ({ name, folder }) => control.create(name, folder),
    renameWorkspace: ({ id, name }) => control.rename(id, name),
    switchWorkspace: ({ id }) => control.switchTo(id),
    removeWorkspace: ({ id }) => control.remove(id),
    relocateWorkspace: ({ id, folder }) => control.relocate(id, folder),
  };
};
