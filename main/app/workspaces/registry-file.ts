/**
 * The workspace registry on disk: `<app folder>/workspaces.json`, replaced atomically (temp file + rename) so a
 * crash never leaves half a file. Without the file there is one workspace, "Default", whose folder is the app's
 * folder itself: data from before workspaces keeps working with nothing moved.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.js';

export const registryFileName = 'workspaces.json';
export const registryVersion = 1;
export const defaultWorkspaceId = 'default';

export interface WorkspaceEntry {
  id: string;
  name: string;
  /** Relative to the app's folder when inside it (so the app's folder can move), absolute otherwise. */
  folder: string;
  createdAt: string;
  /**
   * Binds the workspace's encrypted token vault to it (see vault-scope.ts); null for Default, whose vault predates
   * workspaces.
   */
  vaultKey: string | null;
}

export interface RegistryData {
  version: typeof registryVersion;
  current: string;
  workspaces: WorkspaceEntry[];
}

export const registryPath = (root: string): string => join(root, registryFileName);

export function implicitRegistry(createdAt = new Date().toISOString()): RegistryData {
  return {
    version: registryVersion,
    current: defaultWorkspaceId,
    workspaces: [{ id: defaultWorkspaceId, name: 'Default', folder: '.', createdAt, vaultKey: null }],
  };
}

export function readRegistry(root: string): RegistryData {
  const file = registryPath(root);
  if (!existsSync(file)) return implicitRegistry();
  let data: Partial<RegistryData>;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as Partial<RegistryData>;
  } catch (error) {
    throw new AppError(
      'UNAVAILABLE',
      `The workspace list ${file} cannot be read (${(error as Error).message}). Fix or remove the file; the ` +
        "workspaces' folders are not affected.",
    );
  }
  if (typeof data.version === 'number' && data.version > registryVersion) {
    throw new AppError(
      'CONFLICT',
      `The workspace list ${file} was written by a newer version of the console. Update the console to use it.`,
    );
  }
  if (!Array.isArray(data.workspaces) || typeof data.current !== 'string') {
    throw new AppError('UNAVAILABLE', `The workspace list ${file} is not in the expected form. Fix or remove it.`);
  }
  return data as RegistryData;
}

export function writeRegistry(root: string, data: RegistryData): void {
  const file = registryPath(root);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}
