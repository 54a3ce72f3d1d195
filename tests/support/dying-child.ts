/**
 * Kill-and-resume tests: a sync in a child process that SIGKILLs itself at a chosen moment (argv: data folder,
 * moment), and the parent side that runs it and reports how it ended.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createServices, type Services } from '../../main/app/services.js';
import type { HubSpotConnector, SalesforceConnector } from '../../main/connectors/types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Parent side: runs `script` with the data folder and moment; resolves with the signal that ended it. */
export async function runDyingChild(script: string, dataDir: string, moment: string): Promise<NodeJS.Signals | null> {
  const proc = spawn(process.execPath, ['--import', 'tsx', script, dataDir, moment], { cwd: root, stdio: 'inherit' });
  const [, signal] = (await once(proc, 'exit')) as [number | null, NodeJS.Signals | null];
  return signal;
}

/** Child side: the services of the data folder, its connectors to wrap, and `die`. */
export function dyingChild<M extends string>() {
  const [dataDir, moment] = process.argv.slice(2) as [string, M];
  const services = createServices({ dataDir, runtime: 'cli', version: '0.0.0-test' });
  const connections = services.connections as unknown as {
    salesforce(): SalesforceConnector;
    hubspot(): HubSpotConnector;
  };
  const die = (): never => {
    process.kill(process.pid, 'SIGKILL');
    throw new Error('unreachable');
  };
  return { moment, services, connections, die };
}

/** Child side: one sync cycle (the wrapped connectors kill it at the moment), then its summary if it survived. */
export async function syncThenClose(services: Services): Promise<void> {
  const summary = await services.engine.run({ kind: 'sync', dryRun: false });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  services.close();
}
