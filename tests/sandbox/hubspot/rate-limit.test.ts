import { describe, expect, test } from 'vitest';
import { parseFaultSpec } from '../../../sandbox/faults/faults.js';
import { Client } from '@hubspot/api-client';
import { apiError, oauthAccessToken, start } from './helpers.js';

const T = Date.parse('2025-06-01T12:00:00.000Z');

describe('R8.1 HubSpot rate limits', () => {
  test('under 110/10 s the 111th call in the window gets 429 TEN_SECONDLY_ROLLING with headers; the window slides', async () => {
    let t = T;
    const { emulator, client } = await start({
      now: () => new Date(t),
      limits: { privateApp: { perTenSeconds: 110 } },
    });
    try {
      let last: Awaited<ReturnType<typeof client.apiRequest>> | undefined;
      for (let i = 0; i < 110; i++) {
        last = await client.apiRequest({ method: 'GET', path: '/crm/v3/objects/companies', qs: { limit: 1 } });
        expect(last?.status).toBe(200);
        t += 50; // 110 calls over 5.5 s
      }
      expect(last?.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
      expect(last?.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
      const e = await apiError(client.crm.companies.basicApi.getPage(1));
      expect(e.code).toBe(429);
      expect(e.body).toMatchObject({
        status: 'error',
        message: 'You have reached your ten_secondly_rolling limit.',
        errorType: 'RATE_LIMIT',
        policyName: 'TEN_SECONDLY_ROLLING',
      });
      expect(typeof e.body.correlationId).toBe('string');
      expect(typeof e.body.groupName).toBe('string');
      expect(e.headers['content-type']).toBe('application/json;charset=utf-8');
      expect(e.headers['x-hubspot-ratelimit-max']).toBe('110');
      expect(e.headers['x-hubspot-ratelimit-remaining']).toBe('0');
      expect(e.headers['x-hubspot-ratelimit-daily']).toBe('1000000');
      expect(e.headers['x-hubspot-ratelimit-daily-remaining']).toBe(String(1_000_000 - 110));
      expect(e.headers['x-hubspot-ratelimit-secondly']).toBe('11');
      expect(e.headers['x-hubspot-ratelimit-secondly-remaining']).toBeDefined();
      expect(emulator.callCounts()).toEqual({ total: 111, rateLimited: 1 });
      // The first call leaves the window 10 s after it was made.
      t = T + 10_001;
      const ok = await client.apiRequest({ method: 'GET', path: '/crm/v3/objects/companies', qs: { limit: 1 } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    } finally {
      await emulator.close();
    }
  });

  test('the daily cap answers 429 DAILY; limits change at run time and can be turned off', async () => {
    const { emulator, client } = await start({
      now: () => new Date(T),
      limits: { privateApp: { perTenSeconds: null, perDay: 3 } },
    });
    try {
      for (let i = 0; i < 3; i++) await client.crm.companies.basicApi.getPage(1);
      const e = await apiError(client.crm.companies.basicApi.getPage(1));
      expect(e.body).toMatchObject({
        policyName: 'DAILY',
        message: 'You have reached your daily limit.',
        errorType: 'RATE_LIMIT',
      });
      emulator.setLimits('privateApp', { perDay: null });
      for (let i = 0; i < 300; i++) await client.apiRequest({ method: 'GET', path: '/crm/v3/owners' });
      const res = await client.apiRequest({ method: 'GET', path: '/crm/v3/owners' });
      expect(res.status).toBe(200);
      // Turned off, the limit announced is one no caller reaches (clients size their buckets from it).
      expect(res.headers.get('x-hubspot-ratelimit-max')).toBe('1000000');
      expect(res.headers.get('x-hubspot-ratelimit-daily')).toBeNull();
    } finally {
      await emulator.close();
    }
  });

  test('faults: burst429 renders the TEN_SECONDLY_ROLLING body, 5xx a 502/503, expire-after a 401 for OAuth tokens', async () => {
    const { emulator, client } = await start();
    try {
      emulator.faults.configure(parseFaultSpec('burst429=1'));
      const limited = await apiError(client.crm.companies.basicApi.getPage(1));
      expect(limited.code).toBe(429);
      expect(limited.body.policyName).toBe('TEN_SECONDLY_ROLLING');
      emulator.faults.configure(parseFaultSpec('5xx=1'));
      const failed = await apiError(client.crm.companies.basicApi.getPage(1));
      expect([502, 503]).toContain(failed.code);
      expect(failed.headers['content-type']).toBe('application/json;charset=utf-8');
      // OAuth pages are not API calls: no faults there.
      expect((await fetch(`${emulator.url}/oauth/v1/access-tokens/none`)).status).toBe(404);
      emulator.faults.configure(parseFaultSpec('expire-after=2'));
      const oauth = new Client({ accessToken: await oauthAccessToken(emulator), basePath: emulator.url });
      await oauth.crm.companies.basicApi.getPage(1);
      const expired = await apiError(oauth.crm.companies.basicApi.getPage(1));
      expect(expired.code).toBe(401);
      expect(expired.body.category).toBe('EXPIRED_AUTHENTICATION');
      // A private-app token never expires.
      for (let i = 0; i < 3; i++) await client.crm.companies.basicApi.getPage(1);
    } finally {
      await emulator.close();
    }
  });
});
