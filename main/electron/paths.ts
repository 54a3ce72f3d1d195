import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the build (scripts/build.mjs) puts each part, relative to the app root (`app.getAppPath()`). */
export const builtPaths = {
  preload: join('dist', 'preload', 'index.cjs'),
  rendererHtml: join('dist', 'renderer', 'index.html'),
} as const;

export const devServerEnv = 'ELECTRON_RENDERER_URL';

/**
 * The URL of the console's page: the built file, or the Vite dev server while developing. It is loaded with
 * `loadURL` (not `loadFile`) so the URL the IPC sender check compares against is exactly the one that was loaded.
 * A packaged app ignores the variable: an environment variable must not be able to point the trusted window, and
 * with it IPC access, at another site.
 */
export function rendererUrl(appPath: string, isPackaged: boolean, env: NodeJS.ProcessEnv): string {
  const devUrl = env[devServerEnv];
  if (devUrl && !isPackaged) return devUrl;
  return pathToFileURL(join(appPath, builtPaths.rendererHtml)).href;
}

export const preloadPath = (appPath: string): string => join(appPath, builtPaths.preload);
