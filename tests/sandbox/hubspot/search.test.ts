import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Client } from '@hubspot/api-client';
import type { HubSpotEmulator } from '../../../sandbox/hubspot/index.js';
import { apiError, start } from './helpers.js';

let emulator: HubSpotEmulator;
let client: Client;
// Search is limited to 5 requests/s; lift it for the functional tests and restore it for the limit test.
beforeAll(async () => {
  ({ emulator, client } = await start({ limits: { privateApp: { searchPerSecond: null } } }));
});
afterAll(() => emulator.close());

type F = { propertyName: string; operator: string; value?: string; values?: string[] };
const search = (filterGroups: Array<{ filters: F[] }>, extra: Record<string, unknown> = {}) =>
  client.crm.companies.searchApi.doSearch({
    filterGroups,
    properties: ['name', 'annualrevenue'],
    limit: 100,
    after: '0',
    ...extra,
  } as never);
const names = async (p: ReturnType<typeof search>) => (await p).results.map((r) => r.properties.name);

describe('CRM search through @hubspot/api-client', () => {
  test('operators EQ, NEQ, LT, LTE, GT, GTE, IN, NOT_IN, HAS_PROPERTY, NOT_HAS_PROPERTY, CONTAINS_TOKEN', async () => {
    const one = (f: F) => names(search([{ filters: [f] }]));
    expect(await one({ propertyName: 'domain', operator: 'EQ', value: 'ACME.com' })).toEqual(['Acme']);
    expect(await one({ propertyName: 'salesforceaccountid', operator: 'EQ', value: '001000000000001AAA' })).toEqual([
      'Acme',
    ]);
    expect(await one({ propertyName: 'domain', operator: 'NEQ', value: 'acme.com' })).toEqual(['Beta Oy', 'Gamma AB']);
    expect(await one({ propertyName: 'annualrevenue', operator: 'GT', value: '10000000' })).toEqual(['Gamma AB']);
    expect(await one({ propertyName: 'annualrevenue', operator: 'GTE', value: '5000000' })).toEqual([
      'Beta Oy',
      'Gamma AB',
    ]);
    expect(await one({ propertyName: 'annualrevenue', operator: 'LT', value: '20000000' })).toEqual(['Beta Oy']);
    expect(await one({ propertyName: 'annualrevenue', operator: 'LTE', value: '20000000' })).toEqual([
      'Beta Oy',
      'Gamma AB',
    ]);
    expect(await one({ propertyName: 'domain', operator: 'IN', values: ['beta.fi', 'gamma.se'] })).toEqual([
      'Beta Oy',
      'Gamma AB',
    ]);
    expect(await one({ propertyName: 'domain', operator: 'NOT_IN', values: ['beta.fi', 'gamma.se'] })).toEqual([
      'Acme',
    ]);
    expect(await one({ propertyName: 'salesforceaccountid', operator: 'HAS_PROPERTY' })).toEqual(['Acme']);
    expect(await one({ propertyName: 'salesforceaccountid', operator: 'NOT_HAS_PROPERTY' })).toEqual([
      'Beta Oy',
      'Gamma AB',
    ]);
    expect(await one({ propertyName: 'name', operator: 'CONTAINS_TOKEN', value: 'gam*' })).toEqual(['Gamma AB']);
    const created = (
      await search([
        { filters: [{ propertyName: 'createdate', operator: 'GTE', value: String(Date.parse('2025-01-01')) }] },
      ])
    ).total;
    expect(created).toBe(3);
  });

  test('filter groups are ORed, filters ANDed; sorts as strings or objects; after pages; total counts all', async () => {
    const or = await names(
      search([
        { filters: [{ propertyName: 'domain', operator: 'EQ', value: 'acme.com' }] },
        {
          filters: [
            { propertyName: 'annualrevenue', operator: 'GT', value: '1' },
            { propertyName: 'name', operator: 'CONTAINS_TOKEN', value: 'beta' },
          ],
        },
      ]),
    );
    expect(or).toEqual(['Acme', 'Beta Oy']);
    expect(await names(search([], { sorts: ['-name'] }))).toEqual(['Gamma AB', 'Beta Oy', 'Acme']);
    expect(await names(search([], { sorts: [{ propertyName: 'annualrevenue', direction: 'DESCENDING' }] }))).toEqual([
      'Gamma AB',
      'Beta Oy',
      'Acme',
    ]);
    const page1 = await search([], { limit: 2, sorts: ['name'] });
    expect(page1.total).toBe(3);
    expect(page1.paging?.next?.after).toBe('2');
    const page2 = await search([], { limit: 2, after: page1.paging?.next?.after, sorts: ['name'] });
    expect(page2.results.map((r) => r.properties.name)).toEqual(['Gamma AB']);
    expect(page2.results[0]?.properties).toHaveProperty('hs_lastmodifieddate');
  });

  test('R8.1 a search that pages past 10,000 results is a 400; limit above 200 is a 400', async () => {
    const e = await apiError(search([], { after: '9900', limit: 200 }));
    expect(e.code).toBe(400);
    expect(e.body.category).toBe('VALIDATION_ERROR');
    expect((await apiError(search([], { limit: 201 }))).code).toBe(400);
    const tooMany = Array.from({ length: 6 }, () => ({
      filters: [{ propertyName: 'name', operator: 'HAS_PROPERTY' }],
    }));
    expect((await apiError(search(tooMany))).code).toBe(400);
  });

  test('R8.1 search is limited to 5 requests per second per token, with the secondly 429 body', async () => {
    let t = Date.parse('2025-06-01T12:00:00.000Z');
    const clock = await start({ now: () => new Date(t) });
    try {
      const call = () =>
        clock.client.crm.companies.searchApi.doSearch({ filterGroups: [], limit: 1, after: '0' } as never);
      for (let i = 0; i < 5; i++) await call();
      const e = await apiError(call());
      expect(e.code).toBe(429);
      expect(e.body).toMatchObject({
        status: 'error',
        errorType: 'RATE_LIMIT',
        message: 'You have reached your secondly limit.',
        policyName: 'SECONDLY',
      });
      t += 1001;
      await expect(call()).resolves.toBeDefined();
    } finally {
      await clock.emulator.close();
    }
  });
});
