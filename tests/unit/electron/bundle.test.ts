import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildMain, buildPreload, checkPreloadBundle, isMainExternal } from '../../../scripts/build.mjs';
import { exposedApiKey } from '../../../shared/contract/api.js';
import { operationNames } from '../../../shared/contract/channels.js';
import { createFakeElectron } from './fake-electron.js';

// The bundles as scripts/build.mjs makes them, built into a scratch copy of the app folder layout.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const appPath = join(root, 'tests', '.tmp', `bundle-${process.pid}`);
const mainBundle = join(appPath, 'dist', 'main', 'electron.mjs');
const preloadBundle = join(appPath, 'dist', 'preload', 'index.cjs');

beforeAll(async () => {
  await buildMain(join(appPath, 'dist', 'main'));
  await buildPreload(join(appPath, 'dist', 'preload'));
});
afterAll(() => rmSync(appPath, { recursive: true, force: true }));

describe('main bundle (dist/main/electron.mjs)', () => {
  test('starts in Node with a stand-in electron: loads electron-store and better-sqlite3 and answers IPC', () => {
    const userData = join(appPath, 'user-data');
    mkdirSync(userData, { recursive: true });
    const run = spawnSync(process.execPath, ['--import', './fixtures/electron-loader.mjs', mainBundle], {
      cwd: fileURLToPath(new URL('.', import.meta.url)),
      encoding: 'utf8',
      timeout: 20_000,
      env: {
        ...process.env,
        FAKE_APP_PATH: appPath,
        FAKE_USER_DATA: userData,
        // The Node-ABI build stands in for the Electron-ABI copy: the process is plain Node.
        SFHS_SQLITE_BINDING: createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node'),
      },
    });
    expect(run.stderr).not.toMatch(/ERROR BOX|Error/);
    const line = run.stdout.split('\n').find((text) => text.startsWith('ANSWER '));
    expect(JSON.parse(line?.slice('ANSWER '.length) ?? 'null')).toEqual({
      answer: {
        ok: true,
        value: {
          version: '0.1.0-bundle',
          runtime: 'electron',
          dataDir: userData,
          schemaVersion: expect.any(Number),
          demo: false,
        },
      },
      preload: preloadBundle,
    });
    expect(run.status).toBe(0);
  });

  test('keeps node built-ins, electron and every runtime dependency external', () => {
    for (const id of [
      'electron',
      'node:fs',
      'fs',
      'better-sqlite3',
      'electron-store',
      'conf',
      'zod',
      'zod/v4',
      'jsforce',
    ]) {
      expect(isMainExternal(id)).toBe(true);
    }
    expect(isMainExternal('./lifecycle.js')).toBe(false);
    expect(readFileSync(mainBundle, 'utf8')).toMatch(/^import .* from "electron-store";$/m);
  });
});

describe('preload bundle (dist/preload/index.cjs)', () => {
  test("runs as a sandboxed preload: CommonJS, with a require that offers only 'electron'", () => {
    const fake = createFakeElectron();
    const sandboxRequire = (id: string) => {
      if (id !== 'electron') throw new Error(`module not found: ${id}`);
      return fake;
    };
    runInNewContext(readFileSync(preloadBundle, 'utf8'), { require: sandboxRequire, module: {}, exports: {} });
    const api = fake.contextBridge.exposed.get(exposedApiKey) as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(expect.arrayContaining(operationNames));
  });

  test('stays small and free of zod', () => {
    const code = readFileSync(preloadBundle, 'utf8');
    expect(code).not.toMatch(/ZodError|ZodObject/);
    expect(code.replace(/\/\/# sourceMappingURL=.*$/m, '').length).toBeLessThan(10_000);
  });

  test('the build refuses a preload that needs Node modules, zod, or ES module syntax', () => {
    expect(() => checkPreloadBundle('const fs = require("fs");')).toThrow(/requires fs/);
    expect(() => checkPreloadBundle('class ZodError extends Error {}')).toThrow(/zod/);
    expect(() => checkPreloadBundle('import { x } from "electron";')).toThrow(/not CommonJS/);
    expect(() => checkPreloadBundle('const e = require("electron");')).not.toThrow();
  });
});
