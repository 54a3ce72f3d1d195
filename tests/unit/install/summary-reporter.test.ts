import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const fixtures = join(root, 'tests/unit/install/fixtures');
// Each test starts a whole vitest run; on a busy 2-core machine that alone can take longer than the default.
const slow = { timeout: 120_000 };

/** A real vitest run over the fixture files with the suite's own reporters; returns its output lines. */
function runFixtures(...files: string[]) {
  // The parent run's own variables would make the child believe it is a worker of this run.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      join(fixtures, 'vitest.fixture.config.ts'),
      ...files,
    ],
    { cwd: root, encoding: 'utf8', timeout: 110_000, env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' } },
  );
  return { status: run.status, lines: run.stdout.trimEnd().split('\n') };
}

test('a file whose beforeAll throws counts as failed in the closing line, and is named above it', slow, () => {
  const { status, lines } = runFixtures('before-all-throws.fixture.ts', 'passes.fixture.ts');
  expect(status).toBe(1);
  expect(lines.at(-1)).toBe('1 passed, 1 failed, 2 skipped');
  expect(lines.at(-2)).toBe(
    'set-up failed (counted as 1 failed): before-all-throws.fixture.ts: the browser could not be launched',
  );
});

test('a group whose set-up fails counts once; its healthy neighbour still counts as passed', slow, () => {
  const { lines } = runFixtures('group-set-up-fails.fixture.ts');
  expect(lines.slice(-2)).toEqual([
    'set-up failed (counted as 1 failed): group-set-up-fails.fixture.ts > a group whose set-up fails: the sandbox did not start',
    '1 passed, 1 failed, 1 skipped',
  ]);
});

test('a clean run stays "0 failed"', slow, () => {
  const { status, lines } = runFixtures('passes.fixture.ts');
  expect(status).toBe(0);
  expect(lines.at(-1)).toBe('1 passed, 0 failed, 0 skipped');
});
