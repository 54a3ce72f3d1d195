import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json'));
const lock = JSON.parse(read('package-lock.json'));

describe('install scripts (npm 12 runs only what package.json allowScripts allows)', () => {
  const withScripts = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean }>)
    .filter(([, entry]) => entry.hasInstallScript)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));

  test('every dependency with an install script has a decision, so npm 11 lists none as "not yet covered"', () => {
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(pkg.allowScripts, name).toHaveProperty([name]);
  });

  test("better-sqlite3's native build is allowed; nothing else runs (the console needs no other script)", () => {
    const allowed = Object.entries(pkg.allowScripts).filter(([, allow]) => allow === true);
    expect(allowed.map(([name]) => name)).toEqual(['better-sqlite3']);
    for (const name of ['core-js', 'core-js-pure', 'es5-ext', 'electron-winstaller']) {
      expect(pkg.allowScripts[name]).toBe(false);
    }
  });

  test('electron has no install script to allow: its binary comes on first use (npm start)', () => {
    expect(withScripts).not.toContain('electron');
  });
});

describe('one Electron version everywhere', () => {
  test('package.json, the installed package and electron-builder.yml agree', () => {
    const version = pkg.devDependencies.electron;
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(JSON.parse(read('node_modules/electron/package.json')).version).toBe(version);
    expect(read('electron-builder.yml')).toMatch(
      new RegExp(`^electronVersion: ${version.replaceAll('.', '\\.')}$`, 'm'),
    );
  });
});

describe('nothing but `npm start` can start the Electron download', () => {
  test('the CLI and browser mode (everything main/cli/index.ts reaches, lazily too) import no electron', {
    timeout: 90_000,
  }, async () => {
    const result = (await build({
      root,
      configFile: false,
      logLevel: 'silent',
      build: {
        ssr: join(root, 'main/cli/index.ts'),
        write: false,
        rolldownOptions: { external: (id: string) => !id.startsWith('.') && !id.startsWith('/') },
      },
    })) as Rolldown.RolldownOutput;
    const imports = result.output.flatMap((chunk) =>
      chunk.type === 'chunk' ? [...chunk.imports, ...chunk.dynamicImports] : [],
    );
    expect(imports).toContain('better-sqlite3'); // the graph was really walked
    expect(imports.filter((id) => /^electron(-store)?(\/|$)/.test(id))).toEqual([]);
  });

  test('in the suite, a test that forgets vi.mock gets an error instead of a download', async () => {
    await expect(import('electron')).rejects.toThrow(/fake-electron/);
    await expect(import('electron-store')).rejects.toThrow(/fake-electron/);
  });
});
