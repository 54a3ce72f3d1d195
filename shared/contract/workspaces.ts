/**
 * Workspaces: one data folder per client engagement (cache, log, settings, token vault), listed in a small registry
 * in the app's folder. The app's folder itself is the "Default" workspace, so data from before workspaces stays put.
 */
import { z } from 'zod';

/** `ready`: opens; `missing`: its folder is gone; `newer`: written by a newer version of the console. */
export type WorkspaceState = 'ready' | 'missing' | 'newer';

export interface WorkspaceView {
  id: string;
  name: string;
  folder: string;
  createdAt: string;
  current: boolean;
  state: WorkspaceState;
  /** What is wrong and what to do, when the state is not `ready`. */
  problem: string | null;
}

export interface WorkspacesView {
  workspaces: WorkspaceView[];
  currentId: string;
  /** The one folder `--data-dir` pinned: workspaces cannot be switched or changed in this launch. */
  pinnedFolder: string | null;
  /** A run going in the current workspace: switching is refused until it ends, is paused or cancelled. */
  activeRunId: string | null;
  /** Said once after start-up, e.g. why the last-used workspace could not be opened and Default was instead. */
  notice: string | null;
}

export const workspaceIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a workspace id (lower-case letters, digits and dashes)');
export const workspaceNameSchema = z.string().trim().min(1, 'a name is needed').max(60);
/** An absolute folder; relative ones would depend on where the console happened to be started. */
export const workspaceFolderSchema = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'an absolute folder path');
