/**
 * OAuth against the emulators with the real client libraries: jsforce's PKCE web-server flow and HubSpot's code
 * flow, through the loopback listener, with every "bad input" of issue 5 — each a clear error, nothing saved, the
 * previous connection kept, the listener closed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { setMeta } from '../../main/db/meta.js';
import { type HubSpotEmulator, startHubSpotEmulator } from '../../sandbox/hubspot/index.js';
import { type SalesforceEmulator, startSalesforceEmulator } from '../../sandbox/salesforce/index.js';
import { tempDirFactory } from '../support/temp.js';
import { hubspotRefreshTokenExists, salesforceAccepts } from '../unit/connections/sandbox-tokens.js';
import { answerConsent, isClosed } from './approve.js';
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
afterEach(() => world?.close());

const sfStart = (overrides: Record<string, unknown> = {}) =>
  world.service.oauth.start({ system: 'salesforce', loginUrl: sf.url, clientId: sf.clientId, ...overrides });
const hsStart = (overrides: Record<string, unknown> = {}) =>
  world.service.oauth.start({
    system: 'hubspot',
    apiBaseUrl: hs.url,
    clientId: hs.clientId,
    clientSecret: hs.clientSecret,
    ...overrides,
  });

describe('Salesforce web-server flow with PKCE', () => {
  test('connects through the consent page: verified, saved with its refresh token, listener closed', async () => {
    world = serviceIn(tempDir());
    const flow = await sfStart();
    expect(flow.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const url = new URL(flow.authorizeUrl);
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toHaveLength(43);
    expect(flow.openedExternally).toBe(false);
    const page = await answerConsent(flow.authorizeUrl, 'approve');
    expect(page).toMatchObject({ status: 200, text: expect.stringContaining('Signed in') });
    const { status } = await world.service.oauth.wait(flow.flowId);
    expect(status.salesforce).toMatchObject({
      connected: true,
      kind: 'oauth',
      accountId: sf.orgId,
      oauthApp: { loginUrl: sf.url, clientId: sf.clientId },
      problem: null,
    });
    expect(world.vault.get('salesforce')?.refreshToken).toMatch(/^5Aep861/);
    expect(await isClosed(flow.redirectUri)).toBe(true);
    await expect(world.service.salesforce().limits()).resolves.toBeDefined();
  });

  test('a denied consent is a clear error; the previous connection is kept', async () => {
    world = serviceIn(tempDir());
    await world.service.connectSalesforce({ instanceUrl: sf.url, accessToken: sf.accessToken });
    const flow = await sfStart();
    const waiting = world.service.oauth.wait(flow.flowId);
    expect((await answerConsent(flow.authorizeUrl, 'deny')).text).toContain('not allowed');
    await expect(waiting).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: /Access was not allowed.*access_denied/,
    });
    expect(world.vault.get('salesforce')).toMatchObject({ kind: 'accessToken', accessToken: sf.accessToken });
    expect(await isClosed(flow.redirectUri)).toBe(true);
  });

  test('a callback with another state is refused and ends the flow (CSRF)', async () => {
    world = serviceIn(tempDir());
    const flow = await sfStart();
    const waiting = world.service.oauth.wait(flow.flowId);
    const forged = await fetch(`${flow.redirectUri}?code=stolen&state=not-ours`);
    expect(forged.status).toBe(400);
    await expect(waiting).rejects.toMatchObject({ code: 'FORBIDDEN', message: /did not carry the state/ });
    expect(world.service.status().salesforce.connected).toBe(false);
  });

  test('no callback within the time-out: a clear error and the listener is closed', async () => {
    world = serviceIn(tempDir());
    const flow = await sfStart({ timeoutSeconds: 1 });
    await expect(world.service.oauth.wait(flow.flowId)).rejects.toMatchObject({
      code: 'NOT_CONNECTED',
      message: /No answer from the Salesforce sign-in page within 1 s/,
    });
    expect(await isClosed(flow.redirectUri)).toBe(true);
  });

  test('a wrong client id is refused before the browser opens, naming the provider error', async () => {
    world = serviceIn(tempDir());
    await expect(sfStart({ clientId: 'not-our-app' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: /Salesforce sign-in page refused the request: invalid_client_id/,
    });
  });

  test('a wrong client secret fails the exchange with a clear message and without the secret in it', async () => {
    world = serviceIn(tempDir());
    const flow = await sfStart({ clientSecret: 'wrong-secret-value' });
    const waiting = world.service.oauth.wait(flow.flowId);
    expect((await answerConsent(flow.authorizeUrl, 'approve')).status).toBe(400);
    const error = (await waiting.catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: 'VALIDATION', message: /refused the client secret \[INVALID_CLIENT\]/ });
    expect(error.message).not.toContain('wrong-secret-value');
    expect(world.service.status().salesforce.connected).toBe(false);
  });

  test("another org than the folder's: refused with both ids, nothing saved", async () => {
    world = serviceIn(tempDir());
    setMeta(world.db, 'salesforce.orgId', '00DHa0000000ZZZ');
    const flow = await sfStart();
    const waiting = world.service.oauth.wait(flow.flowId);
    await answerConsent(flow.authorizeUrl, 'approve');
    await expect(waiting).rejects.toMatchObject({ code: 'CONFLICT', message: /00DHa0000000ZZZ.*you connected/ });
    expect(world.service.status().salesforce.connected).toBe(false);
  });

  test('a new sign-in replaces one in progress (one listener per provider)', async () => {
    world = serviceIn(tempDir());
    const first = await sfStart();
    const waiting = world.service.oauth.wait(first.flowId);
    const second = await sfStart();
    await expect(waiting).rejects.toMatchObject({ message: /newer sign-in replaced/ });
    expect(await isClosed(first.redirectUri)).toBe(true);
    world.service.oauth.cancel(second.flowId);
    await expect(world.service.oauth.wait(second.flowId)).rejects.toMatchObject({ message: /cancelled/ });
  });
});

describe('HubSpot OAuth', () => {
  test('connects: portal, user, granted scopes shown; nothing missing', async () => {
    world = serviceIn(tempDir(), { inclusionListId: '42' });
    const flow = await hsStart();
    const url = new URL(flow.authorizeUrl);
    expect(url.origin).toBe(hs.url);
    expect(url.searchParams.get('scope')).toContain('crm.objects.companies.write');
    expect(url.searchParams.get('optional_scope')).toBe('crm.lists.read');
    await answerConsent(flow.authorizeUrl, 'approve');
    const { status } = await world.service.oauth.wait(flow.flowId);
    expect(status.hubspot).toMatchObject({
      connected: true,
      kind: 'oauth',
      accountId: String(hs.portalId),
      user: 'sandbox-admin@example.com',
      missingScopes: [],
    });
    expect(status.hubspot.scopes).toEqual(expect.arrayContaining(['crm.objects.companies.read', 'crm.lists.read']));
    expect(Date.parse(status.hubspot.expiresAt ?? '')).toBeGreaterThan(Date.now() + 25 * 60_000);
    await expect(world.service.hubspot().properties('companies')).resolves.not.toHaveLength(0);
  });

  test('a wrong client secret is refused at the code exchange (BAD_CLIENT_SECRET)', async () => {
    world = serviceIn(tempDir());
    const flow = await hsStart({ clientSecret: 'wrong-secret-value' });
    const waiting = world.service.oauth.wait(flow.flowId);
    await answerConsent(flow.authorizeUrl, 'approve');
    await expect(waiting).rejects.toMatchObject({ code: 'VALIDATION', message: /BAD_CLIENT_SECRET/ });
  });

  test('a wrong client id is refused before the browser opens', async () => {
    world = serviceIn(tempDir());
    await expect(hsStart({ clientId: 'nope' })).rejects.toMatchObject({ message: /Unknown client_id/ });
  });

  test('disconnect deletes the refresh token at HubSpot and erases it locally', async () => {
    world = serviceIn(tempDir());
    const flow = await hsStart();
    await answerConsent(flow.authorizeUrl, 'approve');
    await world.service.oauth.wait(flow.flowId);
    const refreshToken = world.vault.get('hubspot')?.refreshToken as string;
    const { disconnect } = await import('../../main/connections/disconnect.js');
    expect(await disconnect(world.service, 'hubspot')).toMatchObject({ revoked: true });
    expect(await hubspotRefreshTokenExists(hs, refreshToken)).toBe(false);
    expect(world.vault.get('hubspot')).toBeNull();
  });
});

test('Salesforce disconnect revokes the refresh token and with it the access token', async () => {
  world = serviceIn(tempDir());
  const flow = await sfStart();
  await answerConsent(flow.authorizeUrl, 'approve');
  await world.service.oauth.wait(flow.flowId);
  const accessToken = world.vault.get('salesforce')?.accessToken as string;
  const { disconnect } = await import('../../main/connections/disconnect.js');
  expect(await disconnect(world.service, 'salesforce')).toMatchObject({ revoked: true });
  expect(await salesforceAccepts(sf, accessToken)).toBe(false);
});
