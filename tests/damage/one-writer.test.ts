/**
 * One writer per data folder, with real processes: `sfhs sync` (the loop) holds the folder; a second writer is
 * refused with its own exit code and a message naming the holder; readers work alongside; after the holder is
 * killed with SIGKILL the next writer takes over at once.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { cliWorld } from '../cli/support.js';

const bin = fileURLToPath(new URL('../../bin/sfhs.js', import.meta.url));

function sfhs(dataDir: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...argv, '--data-dir', dataDir], (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

/** Resolves when the child's stderr shows `text`. */
const waitForStderr = (child: ChildProcess, text: string): Promise<void> =>
  new Promise((resolve, reject) => {
    let seen = '';
    child.stderr?.on('data', (chunk) => {
      seen += chunk;
      if (seen.includes(text)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before "${text}": ${seen}`)));
  });

test('two writers never both run: the second is refused (exit 10) naming the holder; a SIGKILLed holder is taken over', {
  timeout: 90_000,
}, async () => {
  const world = await cliWorld({ accounts: 40 });
  await world.syncOn();
  const holder = spawn(process.execPath, [bin, 'sync', '--data-dir', world.dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await waitForStderr(holder, 'Next sync at');
    const second = await sfhs(world.dataDir, 'sync', '--once');
    expect(second.code).toBe(10);
    expect(second.err).toContain(`process ${holder.pid} ("sfhs sync --data-dir ${world.dataDir}")`);
    expect(second.err).not.toMatch(/\n\s+at /);
    // Runs of their own kind (apply a mapping, revert) write too, and are refused the same way; a preview is not.
    const apply = await sfhs(world.dataDir, 'mappings', 'apply', 'BillingCity');
    expect(apply.code, apply.err).toBe(10);
    expect(apply.err).toContain(`process ${holder.pid}`);
    const preview = await sfhs(world.dataDir, 'mappings', 'apply', 'BillingCity', '--dry-run');
    expect(preview.code, preview.err).toBe(0);
    const reader = await sfhs(world.dataDir, 'runs', '--json');
    expect(reader.code, reader.err).toBe(0);
    const doctor = await sfhs(world.dataDir, 'doctor');
    expect(doctor.out).toContain(`Writing now: process ${holder.pid}`);
  } finally {
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
  }
  const after = await sfhs(world.dataDir, 'sync', '--once');
  expect(after.code, after.err).toBe(0);
});
