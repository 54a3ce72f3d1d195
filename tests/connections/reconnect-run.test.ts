/**
 * A sign-in that dies mid-run: HubSpot refuses the token while an import is writing (the refresh token was revoked,
 * so there is nothing to refresh with). The run pauses with "needs reconnect", its operations wait as planned;
 * after a reconnect to the same portal, resuming writes every one of them — nothing dropped, nothing doubled.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createServices, type Services } from '../../main/app/services.js';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';
import { tempDirFactory } from '../support/temp.js';
import { answerConsent } from './approve.js';

const tempDir = tempDirFactory();
let sandbox: Sandbox;
let services: Services;

beforeAll(async () => {
  sandbox = await startSandbox({ accounts: 30, seed: 5, hsLimit: 'off' });
});
afterAll(async () => {
  services?.close();
  await sandbox?.close();
});

async function signInToHubSpot(): Promise<void> {
  const info = sandbox.info().hubspot;
  const flow = await services.connections.oauth.start({
    system: 'hubspot',
    apiBaseUrl: info.url,
    clientId: info.clientId,
    clientSecret: info.clientSecret,
  });
  await answerConsent(flow.authorizeUrl, 'approve');
  await services.connections.oauth.wait(flow.flowId);
}

test('a revoked HubSpot sign-in pauses the import as "needs reconnect"; after reconnect the resume loses nothing', async () => {
  services = createServices({ dataDir: tempDir(), runtime: 'cli', version: '0.0.0-test' });
  const info = sandbox.info();
  await services.connections.connectSalesforce({
    instanceUrl: info.salesforce.url,
    accessToken: info.salesforce.accessToken,
  });
  await signInToHubSpot();
  services.settings.update({ syncCompanies: true });
  const preview = await services.engine.run({ kind: 'import', dryRun: true });
  expect(preview.counts.create).toBeGreaterThan(0);

  const stored = services.connections.vault.get('hubspot');
  await fetch(`${info.hubspot.url}/oauth/v1/refresh-tokens/${stored?.refreshToken}`, { method: 'DELETE' });
  // The moment writing starts, HubSpot stops accepting the access token.
  const stop = services.events.on('run', (run) => {
    if (run.state === 'running') sandbox.hubspot.expireAccessToken(stored?.accessToken as string);
  });
  const companiesBefore = sandbox.hubspot.store.companyCount;
  const paused = await services.engine.run({ kind: 'import', dryRun: false });
  stop();
  expect(paused.state).toBe('paused');
  expect(paused.error).toMatch(/AUTH: HubSpot refused the connection.*Reconnect HubSpot/);
  expect(paused.counts).toMatchObject({ created: 0, failed: 0 });
  expect(services.connections.status().hubspot.problem).toMatch(/Reconnect HubSpot/);
  expect(sandbox.hubspot.store.companyCount).toBe(companiesBefore);

  await signInToHubSpot();
  expect(services.connections.status().hubspot.problem).toBeNull();
  const resumed = await services.engine.resume(paused.runId);
  expect(resumed.state).toBe('completed');
  expect(resumed.counts).toMatchObject({ created: preview.counts.create, failed: 0 });
  expect(sandbox.hubspot.store.companyCount).toBe(companiesBefore + preview.counts.create);
});
