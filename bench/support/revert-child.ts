/**
 * One step of the revert benchmark in a process of its own (its memory and time apart from the sandbox's): an
 * import, a sync, or the revert of a run, on a data folder that persists between steps. Prints one JSON line.
 *
 *   SFHS_BENCH_SANDBOX='{…}' tsx bench/support/revert-child.ts --data-dir D --step import|sync|revert [--run ID]
 *     [--delete-created]
 */
import { parseArgs } from 'node:util';
import { createServices } from '../../main/app/services.js';
import { connectToSandbox, type SandboxEndpoints } from '../../main/demo/connect-sandbox.js';
import type { RunSummary } from '../../shared/contract/index.js';
import { phaseRecorder, printChildResult } from './child.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    step: { type: 'string' },
    run: { type: 'string' },
    'delete-created': { type: 'boolean', default: false },
  },
});
const info = JSON.parse(process.env.SFHS_BENCH_SANDBOX ?? '') as SandboxEndpoints;
const services = createServices({ dataDir: String(values['data-dir']), runtime: 'cli', version: 'bench' });
if (values.step === 'import') await connectToSandbox(services.connections, info);
services.settings.update({ syncCompanies: true });

const started = Date.now();
const { phases, onProgress } = phaseRecorder(started);
let summary: RunSummary;
if (values.step === 'revert') {
  const options = { revertOf: String(values.run), deleteCreated: values['delete-created'] === true };
  summary = await services.engine.startKind('revert', options, false, onProgress).finished;
} else {
  summary = await services.engine.run({ kind: values.step === 'sync' ? 'sync' : 'import', dryRun: false, onProgress });
}
const hubspot = services.connections.hubspot().usage();
services.close();
printChildResult(started, { phases, summary, hubspot: { calls: hubspot.calls, rateLimited: hubspot.rateLimited } });
