/**
 * Staying signed in: jsforce's refresh on 401 wired to the vault, HubSpot's refresh before expiry, and what happens
 * when the provider refuses the saved sign-in (revoked refresh token): the connection turns "needs reconnect" with
 * a clear message, calls fail fast with an AUTH error (which pauses runs: nothing is dropped), and a reconnect
 * clears it. Missing HubSpot scopes refuse every call, naming the scope.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { RemoteError } from '../../main/connectors/types.js';
import { parseFaultSpec } from '../../sandbox/faults/faults.js';
import { type HubSpotEmulator, startHubSpotEmulator } from '../../sandbox/hubspot/index.js';
import { type SalesforceEmulator, startSalesforceEmulator } from '../../sandbox/salesforce/index.js';
import { tempDirFactory } from '../support/temp.js';
import { answerConsent } from './approve.js';
import { serviceIn } from './world.js';

const tempDir = tempDirFactory();
let sf: SalesforceEmulator;
let hs: HubSpotEmulator;
let world: ReturnType<typeof serviceIn>;

beforeAll(async () => {
  [sf, hs] = await Promise.all([startSalesforceEmulator(), startHubSpotEmulator()]);
});
afterAll(async () => {
  await Promise.all([sf?.close(), hs?.close()]);
});
afterEach(() => {
  world?.close();
  sf.faults.configure(parseFaultSpec(''));
  hs.faults.configure(parseFaultSpec(''));
});

async function signIn(system: 'salesforce' | 'hubspot', options: { inclusionListId?: string } = {}) {
  world = serviceIn(tempDir(), options);
  const flow = await world.service.oauth.start(
    system === 'salesforce'
      ? { system, loginUrl: sf.url, clientId: sf.clientId }
      : { system, apiBaseUrl: hs.url, clientId: hs.clientId, clientSecret: hs.clientSecret },
  );
  await answerConsent(flow.authorizeUrl, 'approve');
  return world.service.oauth.wait(flow.flowId);
}

const revokeAtSalesforce = (token: string) =>
  fetch(`${sf.url}/services/oauth2/revoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }),
  });

test('Salesforce: an expired session is refreshed on 401 by jsforce and the new token saved in the vault', async () => {
  await signIn('salesforce');
  const before = world.vault.get('salesforce')?.accessToken;
  sf.faults.configure(parseFaultSpec('expire-after=1'));
  await world.service.salesforce().limits();
  await expect(world.service.salesforce().limits()).resolves.toBeDefined();
  const after = world.vault.get('salesforce');
  expect(after?.accessToken).not.toBe(before);
  expect(after?.refreshToken).toBeDefined();
  expect(world.service.status().salesforce.problem).toBeNull();
});

test('Salesforce: a revoked refresh token turns the connection "needs reconnect"; calls then fail fast as AUTH', async () => {
  await signIn('salesforce');
  const stored = world.vault.get('salesforce');
  await revokeAtSalesforce(stored?.refreshToken as string);
  const error = await world.service
    .salesforce()
    .limits()
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RemoteError);
  expect(error).toMatchObject({ category: 'AUTH', code: 'NEEDS_RECONNECT', message: /Reconnect Salesforce/ });
  const status = world.service.status().salesforce;
  expect(status).toMatchObject({ connected: true, problem: expect.stringMatching(/revoked or has expired/) });
  expect(world.seen.at(-1)?.salesforce.problem).toBe(status.problem);
  expect(() => world.service.assertReadyToSync()).toThrow(/Reconnect Salesforce/);
  // Fails fast: no request reaches Salesforce while the connection waits for a reconnect.
  const calls = sf.faults.calls;
  await expect(world.service.salesforce().limits()).rejects.toMatchObject({ category: 'AUTH' });
  expect(sf.faults.calls).toBe(calls);
  // Reconnecting clears the problem.
  const flow = await world.service.oauth.start({ system: 'salesforce', loginUrl: sf.url, clientId: sf.clientId });
  await answerConsent(flow.authorizeUrl, 'approve');
  expect((await world.service.oauth.wait(flow.flowId)).status.salesforce.problem).toBeNull();
  await expect(world.service.salesforce().limits()).resolves.toBeDefined();
});

test('HubSpot: a token close to expiry is refreshed before the call; the call goes out with the new token', async () => {
  await signIn('hubspot');
  const stored = world.vault.get('hubspot');
  if (!stored) throw new Error('not connected');
  world.vault.put({ ...stored, expiresAt: new Date(Date.now() + 60_000).toISOString() });
  await expect(world.service.hubspot().properties('companies')).resolves.not.toHaveLength(0);
  const refreshed = world.vault.get('hubspot');
  expect(refreshed?.accessToken).not.toBe(stored.accessToken);
  expect(refreshed?.refreshToken).toBe(stored.refreshToken);
  expect(Date.parse(refreshed?.expiresAt ?? '')).toBeGreaterThan(Date.now() + 25 * 60_000);
});

test('HubSpot: a token refused before its expiry (401) is refreshed once and the call made again', async () => {
  await signIn('hubspot');
  const before = world.vault.get('hubspot')?.accessToken;
  // Each token stops working after two calls: four calls need at least one refresh on a 401.
  hs.faults.configure(parseFaultSpec('expire-after=2'));
  for (let call = 0; call < 4; call++) {
    await expect(world.service.hubspot().properties('companies')).resolves.not.toHaveLength(0);
  }
  expect(hs.faults.injected.expired).toBeGreaterThan(0);
  expect(world.vault.get('hubspot')?.accessToken).not.toBe(before);
  expect(world.service.status().hubspot.problem).toBeNull();
});

test('HubSpot: a deleted refresh token turns the connection "needs reconnect" when the refresh is due', async () => {
  await signIn('hubspot');
  const stored = world.vault.get('hubspot');
  if (!stored) throw new Error('not connected');
  await fetch(`${hs.url}/oauth/v1/refresh-tokens/${stored.refreshToken}`, { method: 'DELETE' });
  world.vault.put({ ...stored, expiresAt: new Date(Date.now() + 60_000).toISOString() });
  await expect(world.service.hubspot().properties('companies')).rejects.toMatchObject({
    category: 'AUTH',
    message: /Reconnect HubSpot/,
  });
  expect(world.service.status().hubspot.problem).toMatch(/revoked or has expired/);
});

test('HubSpot: a missing required scope is named in the status and refuses the sync and every call', async () => {
  await signIn('hubspot', { inclusionListId: '42' });
  const stored = world.vault.get('hubspot');
  if (!stored) throw new Error('not connected');
  world.vault.put({
    ...stored,
    scopes: stored.scopes.filter((s) => !['crm.lists.read', 'crm.objects.companies.write'].includes(s)),
  });
  expect(world.service.status().hubspot.missingScopes).toEqual(['crm.objects.companies.write', 'crm.lists.read']);
  expect(() => world.service.assertReadyToSync()).toThrow(/Not connected to Salesforce/);
  await world.service.connectSalesforce({ instanceUrl: sf.url, accessToken: sf.accessToken });
  expect(() => world.service.assertReadyToSync()).toThrow(
    /lacks the scopes crm\.objects\.companies\.write, crm\.lists\.read/,
  );
  await expect(world.service.hubspot().properties('companies')).rejects.toMatchObject({
    category: 'PERMISSIONS',
    message: /crm\.objects\.companies\.write/,
  });
});
