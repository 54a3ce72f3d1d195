/**
 * A reader that stops early (`| head -1`) closes the pipe under a command that is still writing: the command ends
 * quietly, with no stack trace. The real bin/sfhs.js in a child process, its stdout a real pipe closed by `head`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { cliWorld } from './support.js';

const bin = fileURLToPath(new URL('../../bin/sfhs.js', import.meta.url));

/** Asynchronous on purpose: the sandbox answers from this process, so this process must not block while it runs. */
function piped(command: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  // pipefail: the status is sfhs's own, not head's.
  const child = spawn('bash', ['-o', 'pipefail', '-c', command], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

test('sfhs log --json | head -1, runs show --ops | head -3 and import --dry-run | head -5 end without a stack trace', {
  timeout: 240_000,
}, async () => {
  const world = await cliWorld({ accounts: 300 });
  await world.syncOn();
  const run = (await world.sfhs('import', '--json')).json<{ runId: string }>();
  const dir = `--data-dir '${world.dataDir}'`;

  const log = await piped(`node '${bin}' log --json ${dir} | head -1`);
  expect(log.stderr).toBe('');
  expect(log.status).toBe(0);
  expect(log.stdout.trim().split('\n')).toHaveLength(1);
  expect(JSON.parse(log.stdout)).toMatchObject({ runId: run.runId });

  const ops = await piped(`node '${bin}' runs show ${run.runId} --ops ${dir} | head -3`);
  expect(ops.stderr).toBe('');
  expect(ops.status).toBe(0);

  const dry = await piped(`node '${bin}' import --dry-run --limit 200 ${dir} | head -5`);
  expect(dry.stderr).not.toMatch(/EPIPE|Error|\n +at /);
  expect(dry.status).toBe(0);
  expect(dry.stdout.trim().split('\n')).toHaveLength(5);

  const csv = await piped(`node '${bin}' log --csv ${dir} | head -2`);
  expect(csv.stderr).not.toMatch(/EPIPE|Error|at /);
  expect(csv.status).toBe(0);
});
