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
import { phaseRecorder, printChildResult } from './child.js';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
});
const info = JSON.parse(process.env.SFHS_BENCH_SANDBOX ?? '') as SandboxEndpoints;
const services = createServices({ dataDir: String(values['data-dir']), runtime: 'cli', version: 'bench' });
await connectToSandbox(services.connections, info);
if (!values['dry-run']) services.settings.update({ syncCompanies: true });

const started = Date.now();
const { phases, onProgress, stop } = phaseRecorder(started);
const summary = await services.engine.run({ kind: 'import', dryRun: Boolean(values['dry-run']), onProgress });
stop();
const hubspot = services.connections.hubspot().usage();
const salesforce = services.connections.salesforce().usage();
services.close();
printChildResult(started, {
  phases,
  summary,
  hubspot: { calls: hubspot.calls, rateLimited: hubspot.rateLimited },
  salesforce: { calls: salesforce.consoleCalls },
});
