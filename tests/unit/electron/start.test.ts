import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  electronGypArgs,
  electronGypEnv,
  electronMissingMessage,
  electronSqlitePath,
  electronVersion,
  locateElectron,
} from '../../../scripts/electron-native.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
// What node_modules/electron/index.js throws when ELECTRON_SKIP_BINARY_DOWNLOAD=1 skipped the download.
const skippedDownload = () => {
  throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');
};

describe('npm start without the Electron binary', () => {
  test('a skipped download becomes the one-line message that points to `npx sfhs ui`', () => {
    expect(locateElectron(skippedDownload)).toEqual({ ok: false, message: electronMissingMessage });
    expect(electronMissingMessage).not.toContain('\n');
    expect(electronMissingMessage).toContain('npx sfhs ui');
  });

  test('a path that does not exist (ELECTRON_OVERRIDE_DIST_PATH) is missing too; an existing one is used', () => {
    expect(
      locateElectron(
        () => '/nowhere/electron',
        () => false,
      ),
    ).toEqual({ ok: false, message: electronMissingMessage });
    expect(
      locateElectron(
        () => '/opt/electron/electron',
        () => true,
      ),
    ).toEqual({ ok: true, path: '/opt/electron/electron' });
  });

  test('the real script prints exactly that line, no stack trace, and exits 1', (context) => {
    if (locateElectron().ok) context.skip(); // This machine has the binary: the script would open the app.
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: root, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${electronMissingMessage}\n`);
    expect(run.stdout).toBe('');
  });
});

describe('the Electron-ABI copy of better-sqlite3', () => {
  test('lives per Electron version under .electron-native/, apart from the Node build in node_modules', () => {
    expect(electronSqlitePath('/repo', '41.7.1')).toBe('/repo/.electron-native/41.7.1/better_sqlite3.node');
    expect(electronVersion()).toBe('41.7.1');
  });

  test("stack-notes §2 trap: npm's nodedir=/usr never reaches node-gyp, or it would build for Node's ABI", () => {
    const env = electronGypEnv({
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_target: '20',
      PATH: '/bin',
    });
    expect(env).toEqual({ PATH: '/bin' });
  });

  test("node-gyp targets Electron's version and headers", () => {
    expect(electronGypArgs('41.7.1')).toEqual([
      'rebuild',
      '--release',
      '--target=41.7.1',
      '--dist-url=https://electronjs.org/headers',
    ]);
  });
});
