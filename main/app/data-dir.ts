import { accessSync, constants, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppError } from './errors.js';

export const productName = 'SFHS Sync Console';

/**
 * Where state lives when no `--data-dir` / `SFHS_DATA_DIR` is given: the same folder Electron's
 * `app.getPath('userData')` gives the desktop app, so the CLI and the app share one workspace by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', productName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), productName);
}

export function resolveDataDir(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(explicit ?? env.SFHS_DATA_DIR ?? defaultDataDir(env));
}

/** Creates the folder if needed and proves it is writable before anything is written into it. */
export function ensureWritableDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.W_OK | constants.R_OK);
  } catch (error) {
    throw new AppError(
      'UNAVAILABLE',
      `The data folder ${dir} cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Choose another with --data-dir or SFHS_DATA_DIR, or fix its permissions.`,
    );
  }
}
