import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import {
  atLeast,
  browserHint,
  describeDownloadError,
  downloadFailedMessage,
  electronDir,
  installedElectron,
  installerNodeProblem,
  progressReporter,
} from '../../../scripts/electron-fetch.mjs';
import {
  electronGypArgs,
  electronGypEnv,
  electronSqlitePath,
  electronVersion,
} from '../../../scripts/electron-native.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const version = pkg.devDependencies.electron as string;
const scratch = join(root, 'tests', '.tmp', `start-${process.pid}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A port nothing listens on: the download fails at once with ECONNREFUSED instead of waiting on DNS. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('where the Electron binary is (no require of the electron package, which would start a download)', () => {
  test("path.txt names the binary in dist/; missing either file means it isn't installed", () => {
    const dir = join(scratch, 'electron');
    mkdirSync(join(dir, 'dist'), { recursive: true });
    expect(installedElectron(dir, {})).toBeNull();
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(installedElectron(dir, {})).toBeNull();
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(installedElectron(dir, {})).toBe(join(dir, 'dist', 'electron'));
  });

  test('ELECTRON_OVERRIDE_DIST_PATH is honoured as the package does, but only when the binary exists', () => {
    const exists = (path: string) => path === '/opt/electron/electron';
    expect(installedElectron('/nowhere', { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, exists)).toBe(
      '/opt/electron/electron',
    );
    expect(installedElectron('/nowhere', { ELECTRON_OVERRIDE_DIST_PATH: '/gone' }, exists)).toBeNull();
  });
});

describe('fetching it, and the one line when that cannot be done', () => {
  test("Electron's installer states the Node it needs; an older Node gets that in one line, with the way out", () => {
    const problem = installerNodeProblem(electronDir(), '20.20.2');
    expect(problem).toMatch(/^Downloading Electron needs Node 22\.12\.0 or newer \(this is Node 20\.20\.2\)/);
    expect(problem).toContain('npx sfhs ui');
    expect(problem).not.toContain('\n');
    expect(installerNodeProblem(electronDir(), '26.12.1')).toBeNull();
    expect(atLeast('22.12.0', '22.12.0')).toBe(true);
    expect(atLeast('22.9.5', '22.12.0')).toBe(false);
  });

  test('a failed download names its cause (host, refused connection), not just "fetch failed"', () => {
    const dns = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('getaddrinfo ENOTFOUND github.com'), {
        code: 'ENOTFOUND',
        hostname: 'github.com',
      }),
    });
    expect(describeDownloadError(dns)).toBe('ENOTFOUND github.com');
    expect(describeDownloadError(new Error('Response code 404 (Not Found) for https://x\nmore'))).toBe(
      'Response code 404 (Not Found) for https://x',
    );
    const message = downloadFailedMessage('45.6.1', 'ENOTFOUND github.com');
    expect(message).toContain(browserHint);
    expect(message).not.toContain('\n');
  });

  test('progress: one line rewritten in place on a terminal; a few plain lines in a log', () => {
    const tty = { isTTY: true, text: '', write: (chunk: string) => (tty.text += chunk) };
    const report = progressReporter('45.6.1', tty);
    report({ transferred: 0, total: 112e6 });
    report({ transferred: 56e6, total: 112e6 });
    expect(tty.text).toBe('\rDownloading Electron 45.6.1: 0% of 112 MB\rDownloading Electron 45.6.1: 50% of 112 MB');
    const log = { isTTY: false, text: '', write: (chunk: string) => (log.text += chunk) };
    const logged = progressReporter('45.6.1', log);
    for (let bytes = 0; bytes <= 100; bytes += 5) logged({ transferred: bytes, total: 100 });
    expect(log.text.trim().split('\n')).toEqual(
      [0, 25, 50, 75, 100].map((p) => `Downloading Electron 45.6.1: ${p}% of 0 MB`),
    );
  });

  test('the real `npm start` with the download host unreachable: exactly one line, exit 1, within seconds', {
    timeout: 60_000,
  }, async (context) => {
    if (installedElectron()) context.skip(); // This machine has the binary: the script would open the app.
    const started = Date.now();
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 40_000,
      env: { ...process.env, ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/` },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('npx sfhs ui');
    // Which line depends on the Node running the suite: Electron's installer needs a newer one than the console.
    if (installerNodeProblem()) expect(lines[0]).toBe(installerNodeProblem());
    else expect(lines[0]).toBe(downloadFailedMessage(version, 'ECONNREFUSED 127.0.0.1'));
    // Seconds, not the minutes a DNS or TCP timeout would take (the bound leaves room for a busy machine).
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe('the Electron-ABI copy of better-sqlite3', () => {
  test('lives per Electron version under .electron-native/, apart from the Node build in node_modules', () => {
    expect(electronSqlitePath('/repo', version)).toBe(`/repo/.electron-native/${version}/better_sqlite3.node`);
    expect(electronVersion()).toBe(version);
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
    expect(electronGypArgs(version)).toEqual([
      'rebuild',
      '--release',
      `--target=${version}`,
      '--dist-url=https://electronjs.org/headers',
    ]);
  });
});
