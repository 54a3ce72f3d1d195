#!/usr/bin/env node
// Electronegativity (Doyensec's Electron security scanner) over the code that runs in the app: main/, preload/ and
// renderer/ (plus package.json for the Electron version). Exits 1 on any HIGH or MEDIUM finding that
// electronegativity-allowlist.json does not justify, and on allow-list entries that no longer match anything, so
// the list never outlives its reasons. Usage: node scripts/electronegativity.mjs [--verbose]
//
// The three folders are scanned together (copied into one temporary folder, tests and sandbox left out) because
// the scanner's "global" checks — navigation limits, permission handler, CSP — look across all files at once.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const allowListFile = join(root, 'electronegativity-allowlist.json');
const scanned = ['main', 'preload', 'renderer', 'package.json'];
const failingSeverities = new Set(['HIGH', 'MEDIUM']);

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronVersion = pkg.devDependencies.electron;
const allowList = JSON.parse(readFileSync(allowListFile, 'utf8')).findings;

const workDir = mkdtempSync(join(tmpdir(), 'sfhs-electronegativity-'));
let result;
try {
  for (const entry of scanned) cpSync(join(root, entry), join(workDir, entry), { recursive: true });
  // The scanner fetches translations and Electron's release list from the internet. Tests talk only to 127.0.0.1,
  // so its HTTP client (got) is replaced by one that refuses at once; the scanner then goes on as it does offline.
  const gotPath = require.resolve('got', { paths: [dirname(require.resolve('@doyensec/electronegativity'))] });
  const offline = () => Promise.reject(new Error('the security scan makes no network calls'));
  offline.default = offline;
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
  const run = require('@doyensec/electronegativity');
  result = await run({
    input: workDir,
    isRelative: true,
    electronVersionOverride: electronVersion,
    customScan: [],
    excludeFromScan: [],
  });
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

const key = (check, file) => `${check} ${file}`;
const allowed = new Map(allowList.map((entry) => [key(entry.check, entry.file), { ...entry, used: false }]));
const unexplained = [];
for (const issue of result.issues) {
  const severity = issue.severity.name;
  const entry = allowed.get(key(issue.id, issue.file));
  const where = `${issue.file}:${issue.location.line}`;
  if (entry) entry.used = true;
  if (process.argv.includes('--verbose') || (!entry && failingSeverities.has(severity))) {
    console.log(`${entry ? 'allowed ' : ''}${severity} ${issue.id} ${where}${entry ? ` — ${entry.reason}` : ''}`);
  }
  if (!entry && failingSeverities.has(severity)) unexplained.push(issue);
}
const stale = [...allowed.values()].filter((entry) => !entry.used);
for (const entry of stale) console.log(`stale allow-list entry (matches nothing): ${entry.check} ${entry.file}`);
// A file it could not parse is a file it did not check.
const parseErrors = result.errors.filter((error) => !error.tolerable);
for (const error of parseErrors) console.log(`could not parse ${error.file}: ${error.message}`);

const counts = `${result.issues.length} finding(s), ${unexplained.length} unexplained HIGH/MEDIUM, ${stale.length} stale`;
if (unexplained.length || stale.length || parseErrors.length) {
  console.log(`✖ electronegativity: ${counts}. Fix them, or justify each in ${allowListFile}.`);
  process.exit(1);
}
console.log(`✔ electronegativity: ${counts} (Electron ${electronVersion}).`);
