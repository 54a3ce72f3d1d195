import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client } from '@hubspot/api-client';
import type { HubSpotEmulator } from '../../../sandbox/hubspot/index.js';
import { apiError, start } from './helpers.js';

let emulator: HubSpotEmulator;
beforeAll(async () => ({ emulator } = await start()));
afterAll(() => emulator.close());

const REDIRECT = 'http://127.0.0.1:4555/callback';
const SCOPES = 'oauth crm.objects.companies.read crm.objects.companies.write';

/** Builds the authorize URL with the client (it hard-codes app.hubspot.com) and moves it to the emulator. */
function authorizeUrl(client: Client, scope = SCOPES, redirect = REDIRECT): string {
  const url = new URL(client.oauth.getAuthorizationUrl(emulator.clientId, redirect, scope, undefined, 'st-1'));
  return `${emulator.url}${url.pathname}${url.search}`;
}

/** Submits the approve page's form the way a browser would. */
async function submit(pageUrl: string, decision: 'approve' | 'deny'): Promise<URL> {
  const html = await (await fetch(pageUrl)).text();
  const fields = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields.set(m[1] as string, (m[2] as string).replace(/&amp;/g, '&'));
  fields.set('decision', decision);
  const res = await fetch(`${emulator.url}/oauth/authorize`, {
    method: 'POST',
    body: fields,
    redirect: 'manual',
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}

describe('HubSpot OAuth', () => {
  test('authorize page approves with code+state, denies with access_denied, refuses bad client/redirect/scope', async () => {
    const client = new Client();
    const page = await fetch(authorizeUrl(client));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Approve');
    const approved = await submit(authorizeUrl(client), 'approve');
    expect(`${approved.origin}${approved.pathname}`).toBe(REDIRECT);
    expect(approved.searchParams.get('code')).toBeTruthy();
    expect(approved.searchParams.get('state')).toBe('st-1');
    const denied = await submit(authorizeUrl(client), 'deny');
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect((await fetch(authorizeUrl(client).replace(emulator.clientId, 'other'))).status).toBe(400);
    expect((await fetch(authorizeUrl(client, SCOPES, 'https://evil.example/cb'))).status).toBe(400);
    expect((await fetch(authorizeUrl(client, 'oauth not.a.scope'))).status).toBe(400);
  });

  test('code flow and refresh through client.oauth.tokensApi; token info; API calls with the OAuth token', async () => {
    const client = new Client();
    const code = (await submit(authorizeUrl(client), 'approve')).searchParams.get('code') ?? '';
    const oauthClient = new Client({ basePath: emulator.url });
    const tokens = await oauthClient.oauth.tokensApi.create(
      'authorization_code',
      code,
      REDIRECT,
      emulator.clientId,
      emulator.clientSecret,
    );
    expect(tokens).toMatchObject({ tokenType: 'bearer', expiresIn: 1800 });
    expect(tokens.accessToken.length).toBeLessThanOrEqual(300);
    // A code is single-use.
    const reused = await apiError(
      oauthClient.oauth.tokensApi.create(
        'authorization_code',
        code,
        REDIRECT,
        emulator.clientId,
        emulator.clientSecret,
      ),
    );
    expect(reused.code).toBe(400);
    expect(reused.body.status).toBe('BAD_AUTH_CODE');

    const info = await oauthClient.oauth.accessTokensApi.get(tokens.accessToken);
    expect(info).toMatchObject({ hubId: emulator.portalId, tokenType: 'access' });
    expect(info.scopes).toContain('crm.objects.companies.read');

    const refreshed = await oauthClient.oauth.tokensApi.create(
      'refresh_token',
      undefined,
      undefined,
      emulator.clientId,
      emulator.clientSecret,
      tokens.refreshToken,
    );
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).toBe(tokens.refreshToken);
    const bad = await apiError(
      oauthClient.oauth.tokensApi.create(
        'refresh_token',
        undefined,
        undefined,
        emulator.clientId,
        emulator.clientSecret,
        'nope',
      ),
    );
    expect(bad.body).toMatchObject({ status: 'BAD_REFRESH_TOKEN', message: 'missing or unknown refresh token' });

    const api = new Client({ accessToken: refreshed.accessToken, basePath: emulator.url });
    const res = await api.apiRequest({ method: 'GET', path: '/crm/v3/objects/companies', qs: { limit: 1 } });
    expect(res.status).toBe(200);
    // OAuth calls get the burst headers (110/10 s) but not the daily ones (B6).
    expect(res.headers.get('x-hubspot-ratelimit-max')).toBe('110');
    expect(res.headers.get('x-hubspot-ratelimit-daily')).toBeNull();

    emulator.expireAccessToken(refreshed.accessToken);
    const expired = await apiError(api.crm.companies.basicApi.getPage(1));
    expect(expired.code).toBe(401);
    expect(expired.body.category).toBe('EXPIRED_AUTHENTICATION');
    expect(String(expired.body.message)).toMatch(
      /^The OAuth token used to make this call expired \d+ second\(s\) ago\.$/,
    );

    const rt = await oauthClient.oauth.refreshTokensApi.get(tokens.refreshToken);
    expect(rt).toMatchObject({ clientId: emulator.clientId, tokenType: 'refresh' });
    await oauthClient.oauth.refreshTokensApi.archive(tokens.refreshToken);
    expect((await apiError(oauthClient.oauth.refreshTokensApi.get(tokens.refreshToken))).code).toBe(404);
  });

  test('wrong client secret is refused', async () => {
    const oauthClient = new Client({ basePath: emulator.url });
    const e = await apiError(
      oauthClient.oauth.tokensApi.create('refresh_token', undefined, undefined, emulator.clientId, 'wrong', 'x'),
    );
    expect(e.code).toBe(400);
    expect(e.body.status).toBe('BAD_CLIENT_SECRET');
  });
});
