// What `npm start` needs beyond the build and the Electron binary (scripts/electron-fetch.mjs): an Electron-ABI copy
// of better-sqlite3. The Node-ABI build in node_modules stays untouched for tests and the CLI; the copy lives in
// .electron-native/<electron version>/better_sqlite3.node and reaches main through SFHS_SQLITE_BINDING.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export const electronVersion = () => require('electron/package.json').version;

export const electronSqlitePath = (root, version) => join(root, '.electron-native', version, 'better_sqlite3.node');

/**
 * node-gyp settings that would silently build against Node's headers (ABI 115) instead of Electron's: `npm start`
 * passes ~/.npmrc's `nodedir=/usr` down as npm_config_nodedir (docs/spec/stack-notes §2), so they are removed.
 */
const nodeTargetSettings = ['npm_config_nodedir', 'npm_config_target', 'npm_config_runtime', 'npm_config_disturl'];

export function electronGypEnv(env) {
  const clean = { ...env };
  for (const key of Object.keys(clean)) {
    if (nodeTargetSettings.includes(key.toLowerCase())) delete clean[key];
  }
  return clean;
}

export const electronGypArgs = (version) => [
  'rebuild',
  '--release',
  `--target=${version}`,
  '--dist-url=https://electronjs.org/headers',
];

/** Builds the Electron-ABI better-sqlite3 once per Electron version (about a minute: sqlite3.c is large). */
export function ensureElectronSqlite(root, version = electronVersion(), env = process.env) {
  const target = electronSqlitePath(root, version);
  if (existsSync(target)) return target;
  const workDir = join(dirname(target), 'better-sqlite3');
  rmSync(workDir, { recursive: true, force: true });
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), workDir, {
    recursive: true,
    // The Node-ABI build stays behind; everything else (sources, deps/sqlite3) is needed to compile.
    filter: (source) => !source.includes(join('better-sqlite3', 'build')),
  });
  console.log(`Building better-sqlite3 for Electron ${version} (once per Electron version)…`);
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  const build = spawnSync(process.execPath, [nodeGyp, ...electronGypArgs(version)], {
    cwd: workDir,
    env: electronGypEnv(env),
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    throw new Error(
      `Building better-sqlite3 for Electron ${version} failed (node-gyp exit ${build.status}); see above.`,
    );
  }
  assertNotNodeAbi(join(workDir, 'build', 'Release', 'better_sqlite3.node'));
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(workDir, 'build', 'Release', 'better_sqlite3.node'), target);
  rmSync(workDir, { recursive: true, force: true });
  return target;
}

/** If plain Node can load the module, it was built for Node's ABI and Electron would refuse it at run time. */
function assertNotNodeAbi(binary) {
  const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(binary)})`], { encoding: 'utf8' });
  if (probe.status === 0) {
    throw new Error(`${binary} was built for Node's ABI, not Electron's (is npm_config_nodedir set?). Not used.`);
  }
}
