/**
 * Which folder a launch opens. `--data-dir` pins one folder and overrides everything; otherwise the app's folder
 * (SFHS_DATA_DIR, or the desktop app's own folder) holds the workspace list, and `--workspace NAME|ID` or the list's
 * current workspace says which one opens.
 */
import { resolve } from 'node:path';
import { SchemaTooNewError } from '../../db/database.js';
import { defaultDataDir } from '../data-dir.js';
import { AppError } from '../errors.js';
import { type OpenWorkspace, pinnedWorkspaceId } from './control.js';
import { probeWorkspace } from './probe.js';
import { defaultWorkspaceId } from './registry-file.js';
import { type ResolvedWorkspace, WorkspaceRegistry } from './registry.js';

export interface StartWorkspace {
  /** The app's folder (the registry's home); for a pinned launch, the pinned folder. */
  root: string;
  /** Set when `--data-dir` pinned the folder: no registry, no switching. */
  pinned: boolean;
  dir: string;
  workspace: OpenWorkspace;
  /** Why the workspace used last was not opened, when it was not. */
  notice: string | null;
}

export const workspaceOf = (target: ResolvedWorkspace): OpenWorkspace => ({
  id: target.id,
  name: target.name,
  vaultKey: target.vaultKey,
});

/** A schema-too-new refusal (CONFLICT, the CLI's exit code 4) that names the workspace. */
class WorkspaceTooNewError extends SchemaTooNewError {
  constructor(message: string, schema: { found: number; known: number }) {
    super(schema.found, schema.known);
    this.message = message;
  }
}

/** Throws NOT_FOUND for a missing folder and CONFLICT for one written by a newer version of the console. */
export function assertOpenable(target: ResolvedWorkspace, nativeBinding?: string): void {
  const probe = probeWorkspace(target.name, target.dir, nativeBinding);
  if (probe.state === 'missing') throw new AppError('NOT_FOUND', probe.problem!, [target.id]);
  if (probe.state === 'newer') throw new WorkspaceTooNewError(probe.problem!, probe.schema!);
}

export interface StartOptions {
  /** `--data-dir`. */
  dataDir?: string;
  /** `--workspace NAME|ID`. */
  workspace?: string;
  env?: NodeJS.ProcessEnv;
  /** The desktop app's folder (Electron's userData); the CLI finds the same place, unless SFHS_DATA_DIR moves it. */
  appFolder?: string;
  nativeBinding?: string;
}

export function resolveStartWorkspace(options: StartOptions): StartWorkspace {
  const env = options.env ?? process.env;
  if (options.dataDir !== undefined) {
    if (options.workspace !== undefined) {
      throw new AppError('VALIDATION', '--data-dir pins one folder; it cannot be combined with --workspace.');
    }
    const dir = resolve(options.dataDir);
    return {
      root: dir,
      pinned: true,
      dir,
      workspace: { id: pinnedWorkspaceId, name: dir, vaultKey: null },
      notice: null,
    };
  }
  const root = resolve(options.appFolder ?? (env.SFHS_DATA_DIR || defaultDataDir(env)));
  const registry = new WorkspaceRegistry(root);
  const start = (target: ResolvedWorkspace, notice: string | null = null): StartWorkspace => ({
    root,
    pinned: false,
    dir: target.dir,
    workspace: workspaceOf(target),
    notice,
  });
  if (options.workspace !== undefined) {
    const target = registry.find(options.workspace);
    assertOpenable(target, options.nativeBinding);
    return start(target);
  }
  let current: ResolvedWorkspace;
  try {
    current = registry.find(registry.currentId());
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // An unreadable list must not keep the console from starting: the app's folder itself is Default.
    const fallback = { id: defaultWorkspaceId, name: 'Default', folder: '.', createdAt: '', vaultKey: null, dir: root };
    return start(fallback, `${error.message} Workspace "Default" was opened instead.`);
  }
  const probe = probeWorkspace(current.name, current.dir, options.nativeBinding);
  if (probe.state === 'ready' || current.id === defaultWorkspaceId) return start(current);
  // The workspace used last cannot be opened: Default opens instead, and the list says why.
  return start(registry.find(defaultWorkspaceId), `${probe.problem} Workspace "Default" was opened instead.`);
}
