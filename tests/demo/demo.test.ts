/**
 * "Explore with demo data" (issue "Sandbox"): the emulators start inside the console, the folder connects to them,
 * everything works as with a real org, and leaving the demo empties the folder for a real connection.
 */
import { afterEach, expect, test } from 'vitest';
import { createServices, type Services } from '../../main/app/services.js';
import { dispatch } from '../../main/ipc/dispatch.js';
import { startSandbox } from '../../sandbox/index.js';
import { connectDataFolder } from '../support/engine-harness.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();
const open: Services[] = [];
afterEach(async () => {
  for (const services of open.splice(0)) {
    await services.demo.close();
    services.close();
  }
});
const servicesIn = (dataDir: string) => {
  const services = createServices({ dataDir, runtime: 'browser', version: '0.0.0-test' });
  open.push(services);
  return services;
};

test('the demo connects an empty folder to seeded emulators; a preview runs; leaving empties the folder', async () => {
  const services = servicesIn(tempDir());
  const started = await dispatch(services.handlers, 'startDemo', {});
  expect(started).toMatchObject({ ok: true, value: { salesforce: { connected: true }, hubspot: { connected: true } } });
  expect(await dispatch(services.handlers, 'getAppInfo', {})).toMatchObject({ ok: true, value: { demo: true } });

  const preview = await services.engine.run({ kind: 'import', dryRun: true });
  expect(preview.counts.create + preview.counts.update).toBeGreaterThan(1000);

  const left = await dispatch(services.handlers, 'leaveDemo', {});
  expect(left).toMatchObject({ ok: true, value: { salesforce: { connected: false }, hubspot: { connected: false } } });
  expect(services.db.prepare('SELECT COUNT(*) FROM sf_accounts').pluck().get()).toBe(0);
  expect(services.db.prepare('SELECT COUNT(*) FROM runs').pluck().get()).toBe(0);
  expect(await dispatch(services.handlers, 'getAppInfo', {})).toMatchObject({ ok: true, value: { demo: false } });
}, 60_000);

test('a folder that belongs to a real connection is never turned into a demo', async () => {
  const dataDir = tempDir();
  const sandbox = await startSandbox({ accounts: 50, seed: 2, hsLimit: 'off' });
  try {
    (await connectDataFolder(dataDir, sandbox)).close();
    const services = servicesIn(dataDir);
    const result = await dispatch(services.handlers, 'startDemo', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(services.connections.status().salesforce.connected).toBe(true);
  } finally {
    await sandbox.close();
  }
});
