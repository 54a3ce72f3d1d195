/**
 * Small helpers shared by the benchmarks: wall and CPU time of a step, peak RSS, the machine, and running N async
 * calls with a fixed concurrency. CPU time is reported next to wall time because the benchmark machine may be
 * shared: CPU time says what the work costs, wall time what it took under the load of the moment.
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

export interface Timing {
  wallMs: number;
  cpuMs: number;
}

export async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T } & Timing> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/** The process's peak resident set size so far, in MiB. */
export const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

export function machine(): { cpus: number; model: string; memoryGb: number; node: string } {
  const list = cpus();
  return {
    cpus: list.length,
    model: list[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

/** Runs `count` calls of `task(i)` with at most `concurrency` in flight. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
export const perSecond = (n: number, ms: number): string => Math.round((n * 1000) / ms).toLocaleString('en-US');

/**
 * Runs `script --measure FILE` in a fresh process, so its peak RSS is the measured work's alone, and answers the
 * JSON object it printed last on stdout.
 */
export function measureInChild<T>(script: string, file: string): T {
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, '--measure', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`the measuring process failed (${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) as string) as T;
}
