import { Connection, OAuth2 } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../../../sandbox/faults/faults.js';
import type { SalesforceEmulator } from '../../../sandbox/salesforce/index.js';
import { API_VERSION, failure, startOrg } from './helpers.js';

const REDIRECT = 'http://127.0.0.1:53682/callback';

/** Loads the approve page, submits its form with the chosen button, and returns the redirect Location. */
async function submitApprovePage(authorizeUrl: string, decision: 'approve' | 'deny'): Promise<URL> {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] as string;
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
  );
  expect(html).toContain('value="approve"');
  const answer = await fetch(new URL(action, authorizeUrl), {
    method: 'POST',
    body: new URLSearchParams({ ...fields, decision }),
    redirect: 'manual',
  });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location') as string);
}

describe('Salesforce emulator: OAuth 2.0 web-server flow with PKCE, with real jsforce', () => {
  let org: SalesforceEmulator;
  let clock = Date.parse('2026-03-01T10:00:00.000Z');
  beforeAll(async () => {
    org = await startOrg(5, { now: () => new Date(clock), accessTokenLifetimeSeconds: 60 });
  });
  afterAll(() => org.close());

  const newOAuth2 = (useVerifier = true) =>
    new OAuth2({ loginUrl: org.url, clientId: org.clientId, redirectUri: REDIRECT, useVerifier });

  async function authorizedConnection(): Promise<{ conn: Connection; oauth2: OAuth2 }> {
    const oauth2 = newOAuth2();
    const location = await submitApprovePage(
      oauth2.getAuthorizationUrl({ scope: 'api refresh_token id', state: 'xyz' }),
      'approve',
    );
    const conn = new Connection({ oauth2, version: API_VERSION });
    await conn.authorize(location.searchParams.get('code') as string);
    return { conn, oauth2 };
  }

  it('A2 approve redirects to redirect_uri with code and state; authorize(code) with the S256 verifier logs in', async () => {
    const oauth2 = newOAuth2();
    const location = await submitApprovePage(
      oauth2.getAuthorizationUrl({ scope: 'api refresh_token id', state: 'xyz' }),
      'approve',
    );
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('xyz');
    const conn = new Connection({ oauth2, version: API_VERSION });
    const userInfo = await conn.authorize(location.searchParams.get('code') as string);
    expect(userInfo).toMatchObject({ id: org.integrationUserId, organizationId: org.orgId });
    expect(conn.instanceUrl).toBe(org.url);
    expect(conn.refreshToken).toBeTruthy();
    expect((await conn.query('SELECT Id FROM Account')).totalSize).toBe(5);
  });

  it('A2.6 identity() follows the identity URL from the versioned resources', async () => {
    const { conn } = await authorizedConnection();
    const identity = await conn.identity();
    expect(identity).toMatchObject({
      user_id: org.integrationUserId,
      organization_id: org.orgId,
      username: 'integration@acme.example',
    });
  });

  it('A2 Deny redirects with error=access_denied and the state', async () => {
    const location = await submitApprovePage(newOAuth2().getAuthorizationUrl({ state: 's1' }), 'deny');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('s1');
  });

  it('A2 an unknown client_id gets an error page, never a redirect', async () => {
    const url = new OAuth2({ loginUrl: org.url, clientId: 'nope', redirectUri: REDIRECT }).getAuthorizationUrl({});
    const page = await fetch(url, { redirect: 'manual' });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('invalid_client_id');
  });

  it('A2.1 a verifier that does not match the challenge is invalid_request; a code is single-use (invalid_grant)', async () => {
    const location = await submitApprovePage(newOAuth2().getAuthorizationUrl({}), 'approve');
    const code = location.searchParams.get('code') as string;
    const other = new Connection({ oauth2: newOAuth2(), version: API_VERSION });
    expect((await failure(other.authorize(code))).name).toBe('invalid_request');
    expect((await failure(other.authorize(code))).name).toBe('invalid_grant');
  });

  it('A2.4 refresh_token grant issues a new working access token without a new refresh token', async () => {
    const { conn, oauth2 } = await authorizedConnection();
    const refreshed = await oauth2.refreshToken(conn.refreshToken as string);
    expect(refreshed.access_token).not.toBe(conn.accessToken);
    expect(refreshed.refresh_token).toBeUndefined();
    const again = new Connection({ instanceUrl: org.url, accessToken: refreshed.access_token, version: API_VERSION });
    expect((await again.query('SELECT Id FROM Account')).totalSize).toBe(5);
  });

  it('A2.4 jsforce refreshes on 401 INVALID_SESSION_ID once the token lifetime has passed', async () => {
    const { conn } = await authorizedConnection();
    const first = conn.accessToken;
    clock += 61_000;
    const refreshes: string[] = [];
    conn.on('refresh', (token: string) => refreshes.push(token));
    expect((await conn.query('SELECT Id FROM Account')).totalSize).toBe(5);
    expect(refreshes).toHaveLength(1);
    expect(conn.accessToken).not.toBe(first);
  });

  it('faults expire-after=2: the token dies after 2 API calls and jsforce refreshes transparently', async () => {
    const { conn } = await authorizedConnection();
    org.faults.configure(parseFaultSpec('expire-after=2'));
    try {
      let refreshes = 0;
      conn.on('refresh', () => refreshes++);
      for (let i = 0; i < 4; i++) await conn.query('SELECT Id FROM Account LIMIT 1');
      expect(refreshes).toBeGreaterThanOrEqual(1);
    } finally {
      org.faults.configure(parseFaultSpec(''));
    }
  });

  it('A2.5 revoking the refresh token kills its access tokens (401 INVALID_SESSION_ID) and further refreshes', async () => {
    const { conn, oauth2 } = await authorizedConnection();
    const token = conn.accessToken as string;
    await oauth2.revokeToken(conn.refreshToken as string);
    const res = await fetch(`${org.url}/services/data/v${API_VERSION}/limits`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    expect((await failure(oauth2.refreshToken(conn.refreshToken as string))).name).toBe('invalid_grant');
  });

  it('A2.2 a wrong client secret is invalid_client', async () => {
    const oauth2 = new OAuth2({
      loginUrl: org.url,
      clientId: org.clientId,
      clientSecret: 'wrong',
      redirectUri: REDIRECT,
      useVerifier: true,
    });
    const location = await submitApprovePage(oauth2.getAuthorizationUrl({}), 'approve');
    const conn = new Connection({ oauth2, version: API_VERSION });
    expect((await failure(conn.authorize(location.searchParams.get('code') as string))).name).toBe('invalid_client');
  });
});
