// electron-builder `beforeBuild` hook: runs just before it rebuilds native modules for Electron (npmRebuild).
// Under `npm run dist`, npm hands ~/.npmrc's nodedir=/usr down as npm_config_nodedir, and @electron/rebuild would
// then compile better-sqlite3 against Node's headers while labelling it Electron's ABI (docs/spec/stack-notes §2):
// a packaged app that fails at start with NODE_MODULE_VERSION. Remove those settings from this process first.
import { electronGypEnv } from './electron-native.mjs';

export default async function beforeBuild() {
  const clean = electronGypEnv(process.env);
  for (const key of Object.keys(process.env)) if (!(key in clean)) delete process.env[key];
  return true; // go on with electron-builder's own rebuild
}
