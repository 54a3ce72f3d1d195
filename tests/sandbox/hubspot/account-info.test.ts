/** Account information v3 (`GET /account-info/v3/details`): how a private-app token learns its portal id. */
import type { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HubSpotEmulator } from '../../../sandbox/hubspot/index.js';
import { utcOffset } from '../../../sandbox/hubspot/routes/account.js';
import { oauthAccessToken, start } from './helpers.js';

let emulator: HubSpotEmulator;
let client: Client;
beforeAll(async () => ({ emulator, client } = await start({ portalId: 4_455_667 })));
afterAll(() => emulator.close());

const PATH = '/account-info/v3/details';

describe('HubSpot account details', () => {
  test('a private-app token learns its portal id and the account settings (HubSpot reference shape)', async () => {
    const res = await client.apiRequest({ method: 'GET', path: PATH });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json;charset=utf-8');
    const details = await res.json();
    expect(details).toEqual({
      portalId: 4_455_667,
      accountType: 'STANDARD',
      timeZone: 'US/Eastern',
      companyCurrency: 'USD',
      additionalCurrencies: [],
      utcOffset: expect.stringMatching(/^-0[45]:00$/),
      utcOffsetMilliseconds: expect.any(Number),
      uiDomain: 'app.hubspot.com',
      dataHostingLocation: 'na1',
    });
  });

  test('an OAuth token gets the same portal; no token gets 401 like every API call', async () => {
    const token = await oauthAccessToken(emulator);
    const viaOAuth = await fetch(`${emulator.url}${PATH}`, { headers: { authorization: `Bearer ${token}` } });
    expect(viaOAuth.status).toBe(200);
    expect(((await viaOAuth.json()) as { portalId: number }).portalId).toBe(4_455_667);
    const anonymous = await fetch(`${emulator.url}${PATH}`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { category: string }).category).toBe('INVALID_AUTHENTICATION');
  });

  test('the UTC offset follows the portal time zone and daylight saving at the emulator clock', async () => {
    expect(utcOffset('US/Eastern', new Date('2026-01-15T12:00:00Z'))).toEqual({
      utcOffset: '-05:00',
      utcOffsetMilliseconds: -18_000_000,
    });
    expect(utcOffset('US/Eastern', new Date('2026-07-15T12:00:00Z'))).toEqual({
      utcOffset: '-04:00',
      utcOffsetMilliseconds: -14_400_000,
    });
    expect(utcOffset('Asia/Kolkata', new Date('2026-07-15T12:00:00Z')).utcOffset).toBe('+05:30');
    expect(utcOffset('UTC', new Date('2026-07-15T12:00:00Z'))).toEqual({
      utcOffset: '+00:00',
      utcOffsetMilliseconds: 0,
    });
    const summer = await start({
      now: () => new Date('2026-07-15T12:00:00Z'),
      account: { timeZone: 'Europe/Helsinki' },
    });
    try {
      const res = await summer.client.apiRequest({ method: 'GET', path: PATH });
      expect(await res.json()).toMatchObject({ timeZone: 'Europe/Helsinki', utcOffset: '+03:00' });
    } finally {
      await summer.emulator.close();
    }
  });
});
