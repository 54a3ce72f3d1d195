/**
 * A real sandbox (both emulators with seeded data) plus a real data folder with both connections made through the
 * real clients: the setting every engine test starts from.
 */
import { createServices, type Services } from '../../main/app/services.js';
import { connectToSandbox } from '../../main/demo/connect-sandbox.js';
import { afterEach } from 'vitest';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../sandbox/index.js';
import { tempDirFactory } from './temp.js';

export interface Harness {
  sandbox: Sandbox;
  services: Services;
  dataDir: string;
  close(): Promise<void>;
}

/** A data folder connected to both systems of a running sandbox (a second one = a second laptop, R0.1). */
export async function connectDataFolder(dataDir: string, sandbox: Sandbox): Promise<Services> {
  const services = createServices({ dataDir, runtime: 'cli', version: '0.0.0-test' });
  await connectToSandbox(services.connections, sandbox.info());
  return services;
}

export async function startHarness(dataDir: string, options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ accounts: 200, seed: 7, hsLimit: 'off', ...options });
  const services = await connectDataFolder(dataDir, sandbox);
  return {
    sandbox,
    services,
    dataDir,
    async close() {
      services.close();
      await sandbox.close();
    },
  };
}

/** A fresh harness per test of the file (in its own temp folder), closed after the test. */
export function harnessPerTest(): (options?: SandboxOptions) => Promise<Harness> {
  const tempDir = tempDirFactory();
  let current: Harness | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (options) => {
    current = await startHarness(tempDir(), options);
    return current;
  };
}
