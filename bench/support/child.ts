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

export type Phases = Record<string, { startMs: number; endMs: number; done: number; rssMb: number; heapMb: number }>;

/**
 * Start, end and last count of each progress phase, in ms since `started`, with the phase's peak RSS and JS heap,
 * sampled: the process-wide maxRSS cannot tell the write phase from planning. `stop()` ends the sampling.
 */
export function phaseRecorder(started: number): {
  phases: Phases;
  onProgress: (e: { phase: string; done: number }) => void;
  stop: () => void;
} {
  const phases: Phases = {};
  let current = '';
  const sampler = setInterval(() => {
    const phase = phases[current];
    if (!phase) return;
    const memory = process.memoryUsage();
    phase.rssMb = Math.max(phase.rssMb, Math.round(memory.rss / 1048576));
    phase.heapMb = Math.max(phase.heapMb, Math.round((memory.heapUsed + memory.external) / 1048576));
  }, 200);
  sampler.unref(); // never what keeps a finished child alive
  return {
    phases,
    onProgress: ({ phase, done }) => {
      const at = Date.now() - started;
      phases[phase] ??= { startMs: at, endMs: at, done, rssMb: 0, heapMb: 0 };
      current = phase;
      phases[phase].endMs = at;
      phases[phase].done = done;
    },
    stop: () => clearInterval(sampler),
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
