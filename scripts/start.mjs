#!/usr/bin/env node
// `npm start`: run the desktop app from source. Gets the Electron binary first (fetched on the first run, over
// 100 MB; when it cannot be, one line says why and points to `npx sfhs ui`, before any time goes into building),
// builds, makes sure the Electron-ABI better-sqlite3 exists, then runs Electron on this folder (package.json "main"
// → dist/main/electron.mjs).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildMain, buildPreload, buildRenderer } from './build.mjs';
import { ensureElectron } from './electron-fetch.mjs';
import { ensureElectronSqlite } from './electron-native.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function fail(message) {
  console.error(message);
  process.exit(1);
}

const electron = await ensureElectron();
if (!electron.ok) fail(electron.message);

let binding;
try {
  await buildRenderer();
  await buildMain();
  await buildPreload();
  binding = ensureElectronSqlite(root);
} catch (error) {
  fail(`npm start stopped: ${error.message}`);
}

const env = { ...process.env, SFHS_SQLITE_BINDING: binding };
// Set by some editors' terminals; it would make the binary behave as plain Node instead of opening the app.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron.path, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
