/**
 * The engine in a process of its own, so a benchmark measures its memory and time apart from the sandbox's.
 * Reads the sandbox URLs and tokens from the environment (SFHS_BENCH_SANDBOX: the JSON `sfhs sandbox` prints),
 * runs one import (a plan with --dry-run), and prints one JSON line: timings per phase, counts, peak RSS.
 *
 *   SFHS_BENCH_SANDBOX='{…}' tsx bench/support/engine-child.ts --data-dir D [--dry-run]
 */
import { parseArgs } from 'node:util';
import { createServices } from '../../main/app/services.js';
import { connectToSandbox, type SandboxEndpoints } from '../../main/demo/connect-sandbox.js';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
});
const info = JSON.parse(process.env.SFHS_BENCH_SANDBOX ?? '') as SandboxEndpoints;
const services = createServices({ dataDir: String(values['data-dir']), runtime: 'cli', version: 'bench' });
await connectToSandbox(services.connections, info);
if (!values['dry-run']) services.settings.update({ syncCompanies: true });

const started = Date.now();
const phases: Record<string, { startMs: number; endMs: number; done: number; rssMb: number; heapMb: number }> = {};
let currentPhase = 'start';
// Peak RSS per phase, sampled: the process-wide maxRSS cannot tell the write phase from planning.
const rssSampler = setInterval(() => {
  const phase = phases[currentPhase];
  if (!phase) return;
  const memory = process.memoryUsage();
  phase.rssMb = Math.max(phase.rssMb, Math.round(memory.rss / 1048576));
  phase.heapMb = Math.max(phase.heapMb, Math.round((memory.heapUsed + memory.external) / 1048576));
}, 200);
const summary = await services.engine.run({
  kind: 'import',
  dryRun: Boolean(values['dry-run']),
  onProgress: ({ phase, done }) => {
    const at = Date.now() - started;
    phases[phase] ??= { startMs: at, endMs: at, done, rssMb: 0, heapMb: 0 };
    currentPhase = phase;
    phases[phase].endMs = at;
    phases[phase].done = done;
  },
});
clearInterval(rssSampler);
const hubspot = services.connections.hubspot().usage();
const salesforce = services.connections.salesforce().usage();
services.close();
process.stdout.write(
  `${JSON.stringify({
    seconds: (Date.now() - started) / 1000,
    phases,
    summary,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    hubspot: { calls: hubspot.calls, rateLimited: hubspot.rateLimited },
    salesforce: { calls: salesforce.consoleCalls },
  })}\n`,
);
