/**
 * The engine in a child process, so a benchmark measures its memory and time apart from the sandbox's: the parent
 * passes the sandbox's URLs and tokens in SFHS_BENCH_SANDBOX and reads the one JSON line the child prints last.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox/index.js';

const root = new URL('../..', import.meta.url).pathname;

export function runChild<T>(sandbox: Sandbox, script: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, script), ...args], {
      cwd: root,
      env: { ...process.env, SFHS_BENCH_SANDBOX: JSON.stringify(sandbox.info()) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0) resolve(JSON.parse(last) as T);
      else reject(new Error(`${script} exited with ${code}: ${out.slice(-500)}`));
    });
  });
}

export type Phases = Record<string, { startMs: number; endMs: number; done: number }>;

/** Start, end and last count of each progress phase, in ms since `started`. */
export function phaseRecorder(started: number): {
  phases: Phases;
  onProgress: (e: { phase: string; done: number }) => void;
} {
  const phases: Phases = {};
  return {
    phases,
    onProgress: ({ phase, done }) => {
      const at = Date.now() - started;
      phases[phase] ??= { startMs: at, endMs: at, done };
      phases[phase].endMs = at;
      phases[phase].done = done;
    },
  };
}

export const phaseSeconds = (phases: Phases, phase: string): number => {
  const p = phases[phase];
  return p ? (p.endMs - p.startMs) / 1000 : 0;
};

/** The child's last line: its own time, peak RSS and whatever the benchmark adds. */
export function printChildResult(started: number, fields: Record<string, unknown>): void {
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ seconds: (Date.now() - started) / 1000, maxRssMb, ...fields })}\n`);
}
