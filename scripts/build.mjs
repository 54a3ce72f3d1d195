#!/usr/bin/env node
// `npm run build`: the three bundles of the desktop app, all with Vite's JS API and explicit entries.
//   renderer → dist/renderer/          (vite.config.ts, shared with browser mode)
//   main     → dist/main/electron.mjs  (an ES module, which Electron ≥ 28 runs as main. Every package.json
//                                        dependency stays external and loads from node_modules at run time.
//                                        Why not CJS: electron-store and conf are ESM-only; a CJS bundle reaches them
//                                        through require(esm), and the bundler's Node-mode interop then takes the
//                                        whole namespace for `default`, so `new Store()` throws. ESM needs no interop.)
//   preload  → dist/preload/index.cjs  (CJS: a sandboxed preload cannot be an ES module; only `electron` external)
// Usage: node scripts/build.mjs [renderer] [main] [preload]   (no argument: all three)
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const dependencies = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies ?? {});
const builtins = new Set(builtinModules);

/** Node built-ins, electron, and every runtime dependency (with subpaths such as `zod/v4`) stay `require`s. */
export function isMainExternal(id) {
  if (id === 'electron' || id.startsWith('node:') || builtins.has(id)) return true;
  return dependencies.some((name) => id === name || id.startsWith(`${name}/`));
}

// The modules Electron's sandboxed preload `require` offers; anything else fails at window creation.
const sandboxedPreloadModules = new Set(['electron', 'events', 'timers', 'url']);

const common = { root, configFile: false, publicDir: false, logLevel: 'warn' };

export async function buildRenderer() {
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

export async function buildMain(outDir = join(root, 'dist/main')) {
  await build({
    ...common,
    build: {
      ssr: join(root, 'main/electron/main.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node22',
      sourcemap: true,
      minify: false,
      rolldownOptions: { external: isMainExternal, output: { format: 'es', entryFileNames: 'electron.mjs' } },
    },
  });
}

export async function buildPreload(outDir = join(root, 'dist/preload')) {
  await build({
    ...common,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome140',
      sourcemap: true,
      minify: false,
      lib: { entry: join(root, 'preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      rolldownOptions: { external: ['electron'] },
    },
  });
  checkPreloadBundle(readFileSync(join(outDir, 'index.cjs'), 'utf8'));
}

/** Fails the build (not the window, later, on someone's desktop) when the preload pulls in what it must not. */
export function checkPreloadBundle(code) {
  const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
  const forbidden = required.filter((id) => !sandboxedPreloadModules.has(id));
  if (forbidden.length) throw new Error(`The preload requires ${forbidden.join(', ')}; a sandboxed preload cannot.`);
  // Names only zod's own code contains (the contract's comments do mention the word "zod").
  if (/\bZod(Error|Type|Object)\b/.test(code)) {
    throw new Error('The preload bundle contains zod; import only the zod-free contract files.');
  }
  if (/^\s*(import|export)\s/m.test(code)) throw new Error('The preload bundle is not CommonJS.');
}

const steps = { renderer: buildRenderer, main: buildMain, preload: buildPreload };

async function main(args) {
  const unknown = args.filter((name) => !(name in steps));
  if (unknown.length) {
    throw new Error(`Unknown build part ${unknown.join(', ')}; choose from ${Object.keys(steps).join(', ')}.`);
  }
  for (const name of args.length ? args : Object.keys(steps)) {
    const started = Date.now();
    await steps[name]();
    console.log(`built ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main(process.argv.slice(2)).catch((error) => {
    console.error(`Build failed: ${error.message}`);
    process.exit(1);
  });
}
