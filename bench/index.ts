/**
 * `npm run bench`: every benchmark of the engine, one after another, each in its own process (they are heavy and
 * measure their own memory). Each writes its section of docs/benchmarks.md. `npm run bench:sandbox` is separate.
 *
 *   npm run bench                 # all, full size (tens of minutes)
 *   npm run bench -- engine       # one of: engine, kill-resume, preview, bulk-writes, integrity, apply-mapping,
 *                                 # revert, latency, faults
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const benchmarks = [
  'engine',
  'kill-resume',
  'preview',
  'bulk-writes',
  'integrity',
  'apply-mapping',
  'revert',
  'latency',
  'faults',
];
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const passThrough = process.argv.slice(2).filter((a) => a.startsWith('-'));

for (const name of chosen.length ? chosen : benchmarks) {
  const script = join(root, 'bench', `${name}.ts`);
  if (!existsSync(script)) {
    console.error(`No benchmark "${name}" (bench/${name}.ts). Known: ${benchmarks.join(', ')}.`);
    process.exitCode = 2;
    continue;
  }
  console.error(`\n▶ bench/${name}.ts`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...passThrough], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exitCode = result.status ?? 1;
}
