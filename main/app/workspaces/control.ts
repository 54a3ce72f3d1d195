/**
 * What the workspace operations ask of whoever opened the services: the workspace host (desktop app, `sfhs ui`, the
 * CLI without `--data-dir`) or, for one folder pinned by `--data-dir`, `pinnedControl`, which lists that folder and
 * refuses every change with a message saying why.
 */
import type { WorkspacesView } from '../../../shared/contract/index.js';
import { AppError } from '../errors.js';

export interface WorkspaceControl {
  view(): WorkspacesView;
  create(name: string, folder?: string): WorkspacesView;
  rename(id: string, name: string): WorkspacesView;
  switchTo(id: string): Promise<WorkspacesView>;
  remove(id: string): WorkspacesView;
  relocate(id: string, folder: string): WorkspacesView;
}

/** The workspace this set of services belongs to (carried in ServiceConfig). */
export interface OpenWorkspace {
  id: string;
  name: string;
  /** Seals the encrypted token vault to this workspace; null for Default (see vault-scope.ts). */
  vaultKey: string | null;
}

export const pinnedWorkspaceId = 'pinned';

export const pinnedRefusal = (dir: string): AppError =>
  new AppError(
    'CONFLICT',
    `This console was started with the data folder ${dir} (--data-dir), which pins one folder: workspaces ` +
      'cannot be created, changed or switched. Start it without --data-dir to use workspaces.',
  );

export function pinnedControl(dir: string, activeRunId: () => string | null): WorkspaceControl {
  const refuse = (): never => {
    throw pinnedRefusal(dir);
  };
  return {
    view: () => ({
      workspaces: [
        {
          id: pinnedWorkspaceId,
          name: dir,
          folder: dir,
          createdAt: '',
          current: true,
          state: 'ready',
          problem: null,
        },
      ],
      currentId: pinnedWorkspaceId,
      pinnedFolder: dir,
      activeRunId: activeRunId(),
      notice: null,
    }),
    create: refuse,
    rename: refuse,
    switchTo: async () => refuse(),
    remove: refuse,
    relocate: refuse,
  };
}
