/**
 * A reader that stops early (`| head -1`) closes the pipe under a command that is still writing: the command ends
 * quietly, with no stack trace. The real bin/sfhs.js in a child process, its stdout a real pipe closed by `head`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { cliWorld } from './support.js';

const bin = fileURLToPath(new URL('../../bin/sfhs.js', import.meta.url));

function piped(command: string): { status: number | null; stdout: string; stderr: string } {
  // pipefail: the status is sfhs's own, not head's.
  const result = spawnSync('bash', ['-o', 'pipefail', '-c', command], { encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('sfhs log --json | head -1 and sfhs runs show --ops | head -3 exit without a stack trace', {
  timeout: 240_000,
}, async () => {
  const world = await cliWorld({ accounts: 300 });
  await world.syncOn();
  const run = (await world.sfhs('import', '--json')).json<{ runId: string }>();
  const dir = `--data-dir '${world.dataDir}'`;

  const log = piped(`node '${bin}' log --json ${dir} | head -1`);
  expect(log.stderr).toBe('');
  expect(log.status).toBe(0);
  expect(log.stdout.trim().split('\n')).toHaveLength(1);
  expect(JSON.parse(log.stdout)).toMatchObject({ runId: run.runId });

  const ops = piped(`node '${bin}' runs show ${run.runId} --ops ${dir} | head -3`);
  expect(ops.stderr).toBe('');
  expect(ops.status).toBe(0);

  const csv = piped(`node '${bin}' log --csv ${dir} | head -2`);
  expect(csv.stderr).not.toMatch(/EPIPE|Error|at /);
  expect(csv.status).toBe(0);
});
