#!/usr/bin/env node
// `npm test`: typecheck (the whole tree, and shared/ without Node or DOM types), lint + format check, then every
// vitest project (unit, sandbox contract tests with the real clients, end-to-end in Chromium).
// Stops at the first failing step; the last line printed is vitest's "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['typecheck shared/ (no Node, no DOM)', 'npx', ['tsc', '-p', 'tsconfig.shared.json', '--noEmit']],
  ['lint and format', 'npx', ['biome', 'check', '.']],
  ['build', 'node', ['scripts/build.mjs']],
  ['security scan of the Electron code (electronegativity)', 'node', ['scripts/electronegativity.mjs']],
  ['tests', 'npx', ['vitest', 'run', ...process.argv.slice(2)]],
];

for (const [name, command, args] of steps) {
  const started = Date.now();
  process.stdout.write(`\n▶ ${name}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stdout.write(`✖ ${name} failed after ${seconds} s\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`✔ ${name} (${seconds} s)\n`);
}
