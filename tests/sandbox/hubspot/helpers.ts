/** Shared set-up for the HubSpot emulator tests: a seeded emulator and a real @hubspot/api-client. */
import { Client } from '@hubspot/api-client';
import type { HsObject, HubSpotData } from '../../../sandbox/model.js';
import { type HubSpotEmulatorOptions, startHubSpotEmulator } from '../../../sandbox/hubspot/index.js';

export const iso = (ms: number) => new Date(ms).toISOString();
const T0 = Date.parse('2025-01-01T00:00:00.000Z');

export function company(id: string, properties: Record<string, string>, createdMs = T0): HsObject {
  return { id, properties, createdAt: iso(createdMs), updatedAt: iso(createdMs), archived: false };
}

export function seed(): HubSpotData {
  return {
    companies: [
      company('101', {
        name: 'Acme',
        domain: 'acme.com',
        industry: 'COMPUTER_SOFTWARE',
        salesforceaccountid: '001000000000001AAA',
        hs_object_source: 'CRM_UI',
      }),
      company('102', { name: 'Beta Oy', domain: 'beta.fi', annualrevenue: '5000000' }),
      company('103', { name: 'Gamma AB', domain: 'gamma.se', annualrevenue: '20000000' }),
    ],
    contacts: [
      company('201', {
        email: 'ann@acme.com',
        firstname: 'Ann',
        lastname: 'Lee',
        salesforcecontactid: '003000000000001AAA',
      }),
      company('202', {
        email: 'bo@beta.fi',
        firstname: 'Bo',
        lastname: 'Berg',
        salesforceleadid: '00Q000000000001AAA',
      }),
    ],
    associations: [{ companyId: '101', contactId: '201' }],
    lists: [{ listId: '7', name: 'SF inclusion list', contactIds: ['202', '201'] }],
    owners: [
      { id: '501', email: 'owner1@example.com', firstName: 'Olle', lastName: 'One', userId: 9001, archived: false },
      { id: '502', email: 'owner2@example.com', firstName: 'Tina', lastName: 'Two', userId: 9002, archived: false },
      { id: '503', email: 'gone@example.com', firstName: 'Ex', lastName: 'Owner', userId: 9003, archived: true },
    ],
  };
}

export async function start(options: HubSpotEmulatorOptions = {}) {
  const emulator = await startHubSpotEmulator({ data: seed(), ...options });
  const client = new Client({ accessToken: emulator.accessToken, basePath: emulator.url });
  return { emulator, client };
}

/** The thrown ApiException carries `code` and the parsed `body`. */
export async function apiError(
  p: Promise<unknown>,
): Promise<{ code: number; body: Record<string, unknown>; headers: Record<string, string> }> {
  try {
    await p;
  } catch (e) {
    return e as { code: number; body: Record<string, unknown>; headers: Record<string, string> };
  }
  throw new Error('expected the call to fail');
}

/** Runs the OAuth code flow with raw HTTP (approve page → code → token) and returns the access token. */
export async function oauthAccessToken(emulator: {
  url: string;
  clientId: string;
  clientSecret: string;
}): Promise<string> {
  const redirect = 'http://127.0.0.1:4555/cb';
  const form = new URLSearchParams({
    client_id: emulator.clientId,
    redirect_uri: redirect,
    scope: 'oauth crm.objects.companies.read',
    decision: 'approve',
  });
  const approved = await fetch(`${emulator.url}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  const code = new URL(approved.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const token = await fetch(`${emulator.url}/oauth/v1/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirect,
      client_id: emulator.clientId,
      client_secret: emulator.clientSecret,
    }),
  });
  return ((await token.json()) as { access_token: string }).access_token;
}
