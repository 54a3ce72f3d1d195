/**
 * CPU time of another process (the sandbox child) from /proc, so a benchmark can report the server's CPU per call
 * apart from the client's. Linux only; elsewhere the figure is reported as unavailable.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux we run on. */
const TICKS_PER_SECOND = 100;

/** User + system CPU milliseconds used so far by process `pid`, or undefined without /proc. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name (which may itself hold spaces): utime is the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** The 1-minute load average, to print next to wall-clock figures measured on a shared machine. */
export const loadAverage = (): string => loadavg()[0]?.toFixed(2) ?? '?';
