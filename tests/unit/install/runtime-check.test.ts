import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { nodeVersionProblem, sqliteProblem, supportedRanges } from '../../../scripts/runtime-check.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const engines = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node as string;
const scratch = join(root, 'tests', '.tmp', `runtime-check-${process.pid}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('which Node sfhs runs on (package.json engines, the versions the suite passes on)', () => {
  test('engines is a list of ^X.Y.Z lines and includes the Node running this suite', () => {
    expect(supportedRanges(engines).length).toBeGreaterThanOrEqual(2);
    expect(nodeVersionProblem(process.versions.node, engines)).toBeNull();
  });

  test('an older Node, or an untested line between the tested ones, gets one line with the fix', () => {
    for (const old of ['18.20.4', '20.18.1', '21.7.3', '22.23.5', '25.1.0']) {
      const problem = nodeVersionProblem(old, '^20.19.0 || ^24.0.0 || ^26.0.0');
      expect(problem).toContain(`sfhs needs Node 20.19+, 24 or 26; this is Node ${old}.`);
      expect(problem).toContain('nvm install --lts');
      expect(problem).not.toContain('\n');
    }
    for (const fine of ['20.19.0', '20.20.2', '24.22.3', '26.12.1', '28.0.0']) {
      expect(nodeVersionProblem(fine, '^20.19.0 || ^24.0.0 || ^26.0.0')).toBeNull();
    }
  });

  test('a form the check cannot read fails loudly here, not silently for users', () => {
    expect(() => supportedRanges('>=20')).toThrow(/not of the form/);
  });
});

describe('a better-sqlite3 that does not load: what is wrong and the command that fixes it', () => {
  test('each failure has its own line', () => {
    const notBuilt = new Error('Could not locate the bindings file. Tried:\n → /x/build/better_sqlite3.node');
    expect(sqliteProblem(notBuilt, '26.12.1')).toBe(
      'better-sqlite3 is installed but was never built (npm skipped its install script). Run `npm rebuild better-sqlite3`.',
    );
    const otherAbi = new Error(
      "The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115.",
    );
    expect(sqliteProblem(otherAbi, '26.12.1')).toMatch(/different Node version.*Node 26\.12\.1.*npm rebuild/);
    const missing = Object.assign(new Error("Cannot find module 'better-sqlite3'"), { code: 'MODULE_NOT_FOUND' });
    expect(sqliteProblem(missing, '26.12.1')).toMatch(/npm ci/);
  });

  test('the real sfhs on an install where npm skipped the build prints that one line and exits 1', () => {
    // What `npm ci` leaves when allowScripts does not cover better-sqlite3: the package without build/.
    const app = join(scratch, 'app');
    const realPackage = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
    mkdirSync(join(app, 'node_modules'), { recursive: true });
    for (const file of ['package.json', 'bin/sfhs.js', 'scripts/runtime-check.mjs']) {
      cpSync(join(root, file), join(app, file), { recursive: true });
    }
    cpSync(join(realPackage, 'package.json'), join(app, 'node_modules/better-sqlite3/package.json'));
    cpSync(join(realPackage, 'lib'), join(app, 'node_modules/better-sqlite3/lib'), { recursive: true });
    for (const dependency of ['bindings', 'file-uri-to-path']) {
      symlinkSync(join(root, 'node_modules', dependency), join(app, 'node_modules', dependency));
    }
    const run = spawnSync(process.execPath, [join(app, 'bin/sfhs.js'), '--help'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'better-sqlite3 is installed but was never built (npm skipped its install script). Run `npm rebuild better-sqlite3`.\n',
    );
  });
});
