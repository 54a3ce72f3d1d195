import { existsSync } from 'node:fs';
import { AppError } from '../app/errors.js';

/** Set by scripts/start.mjs to the Electron-ABI better_sqlite3.node it built under `.electron-native/`. */
export const nativeBindingEnv = 'SFHS_SQLITE_BINDING';

/**
 * Which better-sqlite3 binary the app loads. node_modules holds the Node-ABI build (tests, CLI); Electron needs its
 * own ABI. Packaged: electron-builder rebuilt the copy inside the app (npmRebuild), so the default loader is right.
 * Unpackaged: the copy `npm start` built, passed in the environment. Without it the Node build would fail later
 * with an opaque NODE_MODULE_VERSION error, so say what to do now instead.
 */
export function resolveNativeBinding(
  isPackaged: boolean,
  env: NodeJS.ProcessEnv,
  fileExists: (path: string) => boolean = existsSync,
): string | undefined {
  if (isPackaged) return undefined;
  const binding = env[nativeBindingEnv];
  if (binding && fileExists(binding)) return binding;
  throw new AppError(
    'UNAVAILABLE',
    binding
      ? `${nativeBindingEnv} points to ${binding}, which does not exist. Start the app with \`npm start\`, which builds it.`
      : `No Electron build of better-sqlite3 was given (${nativeBindingEnv}). Start the app with \`npm start\`.`,
  );
}
