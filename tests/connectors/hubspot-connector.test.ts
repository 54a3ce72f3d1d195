import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseFaultSpec } from '../../sandbox/faults/faults.js';
import { type HubSpotEmulator, startHubSpotEmulator } from '../../sandbox/hubspot/index.js';
import { ApiClientHubSpotConnector } from '../../main/connectors/hubspot.js';
import { WarpClock } from '../../main/connectors/rate/clock.js';
import { HubSpotRate } from '../../main/connectors/rate/hubspot-rate.js';
import { type HsObjectRecord, RemoteError } from '../../main/connectors/types.js';
import { hubspotCompanies } from './fixtures.js';

let emulator: HubSpotEmulator;
/** A warp clock makes 10-second rate-limit pauses instant; the emulator keeps real time. */
const connectorFor = (
  token = emulator.accessToken,
  rate = new HubSpotRate({ kind: 'privateApp', clock: new WarpClock(Date.now()) }),
) => new ApiClientHubSpotConnector({ baseUrl: `${emulator.url}/`, accessToken: token, kind: 'privateApp' }, rate);

beforeAll(async () => {
  const data = hubspotCompanies(250);
  data.contacts.push(
    ...['1', '2', '3'].map((n) => ({
      id: `2000000000${n}`,
      properties: { email: `p${n}@c1.example` },
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      archived: false,
    })),
  );
  data.associations.push(
    { companyId: '10000000001', contactId: '20000000001' },
    { companyId: '10000000001', contactId: '20000000002' },
  );
  data.lists.push({ listId: '7', name: 'Inclusion', contactIds: ['20000000001', '20000000003'] });
  data.owners.push({
    id: '501',
    email: 'owner@example.com',
    firstName: 'Olive',
    lastName: 'Owner',
    userId: 9,
    archived: false,
  });
  emulator = await startHubSpotEmulator({ data });
});
afterAll(() => emulator?.close());

async function collect(pages: AsyncIterable<HsObjectRecord[]>): Promise<HsObjectRecord[][]> {
  const out: HsObjectRecord[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe('R8.1 reads', () => {
  test('list pages of 100 until the end; usage fed from the X-HubSpot-RateLimit headers', async () => {
    const hs = connectorFor();
    const pages = await collect(hs.list('companies', ['name', 'domain']));
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(pages[0]?.[0]).toMatchObject({ id: '10000000001', properties: { name: 'Company 1' }, archived: false });
    const usage = hs.usage();
    expect(usage).toMatchObject({ calls: 3, intervalMax: 190, dailyMax: expect.any(Number) });
    expect(usage.intervalRemaining).toBeLessThan(190);
  });

  test('modifiedSince searches on hs_lastmodifieddate in the search lane', async () => {
    const hs = connectorFor();
    const since = new Date(Date.UTC(2025, 0, 1) + 240 * 1000).toISOString();
    const records = (await collect(hs.modifiedSince('companies', since, ['name']))).flat();
    expect(records.map((r) => r.properties.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Company ${241 + i}`));
  });

  test('batch read with history gives per-property change times (R7.4)', async () => {
    const hs = connectorFor();
    const [record] = await hs.read('companies', ['10000000002'], ['name'], true);
    expect(record?.properties.name).toBe('Company 2');
    expect(record?.propertyTimes?.name).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('associations, list members, owners, properties', async () => {
    const hs = connectorFor();
    const contacts = await hs.companyContacts(['10000000001', '10000000002']);
    expect(contacts.get('10000000001')?.sort()).toEqual(['20000000001', '20000000002']);
    expect(contacts.get('10000000002')).toEqual([]);
    const members = (await collect(hs.listMembers('7') as AsyncIterable<never>)).flat();
    expect(members).toEqual(['20000000001', '20000000003']);
    expect(await hs.owners()).toEqual([
      { id: '501', email: 'owner@example.com', firstName: 'Olive', lastName: 'Owner', archived: false },
    ]);
    const properties = await hs.properties('companies');
    expect(properties.find((p) => p.name === 'industry')).toMatchObject({ type: 'enumeration', fieldType: 'select' });
  });

  test('ensureProperty creates a missing property once', async () => {
    const hs = connectorFor();
    const spec = {
      name: 'sfhs_test_flag',
      type: 'string',
      fieldType: 'text',
      hasUniqueValue: true,
      label: 'SFHS test',
    };
    await hs.ensureProperty('companies', spec);
    await hs.ensureProperty('companies', spec);
    expect((await hs.properties('companies')).filter((p) => p.name === 'sfhs_test_flag')).toHaveLength(1);
  });
});

describe('R0.1 / R7.7 batch writes', () => {
  test('upsert by salesforceaccountid twice creates no duplicate', async () => {
    const hs = connectorFor();
    const inputs = [
      { idValue: '001Ha0000000AAAAAA', properties: { name: 'Linked A' } },
      { idValue: '001Ha0000000BBBBBB', properties: { name: 'Linked B' } },
    ];
    const first = await hs.upsert('companies', 'salesforceaccountid', inputs);
    const second = await hs.upsert('companies', 'salesforceaccountid', inputs);
    expect(first.map((r) => r.ok && r.created)).toEqual([true, true]);
    expect(second.map((r) => r.ok && r.created)).toEqual([false, false]);
    expect(second.map((r) => r.id)).toEqual(first.map((r) => r.id));
  });

  test('a 207 partial failure gives per-input results in input order', async () => {
    const hs = connectorFor();
    const results = await hs.update('companies', [
      { id: '10000000003', properties: { name: 'Renamed 3' } },
      { id: '10000000004', properties: { industry: 'NOT_AN_INDUSTRY' } },
      { id: '99999999999', properties: { name: 'Nobody' } },
      { id: '10000000005', properties: { name: 'Renamed 5', description: null } },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, false, true]);
    expect(results[0]).toEqual({ ok: true, id: '10000000003' });
    expect(results[1]).toMatchObject({ ok: false, id: '10000000004', category: 'PROPERTY_VALUE' });
    expect(results[2]).toMatchObject({ ok: false, id: '99999999999' });
    expect(results[3]).toEqual({ ok: true, id: '10000000005' });
  });

  test('more than 100 inputs are split into batches of 100', async () => {
    const rate = new HubSpotRate({ kind: 'privateApp', clock: new WarpClock(Date.now()) });
    const hs = connectorFor(undefined, rate);
    const inputs = Array.from({ length: 150 }, (_, i) => ({
      id: String(10_000_000_101 + i),
      properties: { description: `d${i}` },
    }));
    const results = await hs.update('companies', inputs);
    expect(results.filter((r) => r.ok)).toHaveLength(150);
    expect(rate.usage().calls).toBe(2);
  });
});

describe('R8.1 / R9.2 limits and errors', () => {
  test('a burst of 429s is waited out and the call succeeds', async () => {
    const rate = new HubSpotRate({ kind: 'privateApp', clock: new WarpClock(Date.now()) });
    const hs = connectorFor(undefined, rate);
    emulator.faults.configure(parseFaultSpec('burst429=3'));
    try {
      const pages = await collect(hs.list('companies', ['name']));
      expect(pages.flat()).toHaveLength(252);
      expect(rate.usage().rateLimited).toBe(3);
    } finally {
      emulator.faults.configure(parseFaultSpec(''));
    }
  });

  test('a bad token is AUTH, not retryable, and the message carries no token', async () => {
    const error = await collect(connectorFor('pat-na1-wrong-token').list('companies', ['name'])).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({ system: 'hubspot', category: 'AUTH', retryable: false, status: 401 });
    expect((error as Error).message).not.toContain('pat-na1-wrong-token');
  });

  test('the DAILY limit is API_LIMIT, retryable', async () => {
    const other = await startHubSpotEmulator({ data: hubspotCompanies(1), limits: { privateApp: { perDay: 1 } } });
    try {
      const hs = new ApiClientHubSpotConnector(
        { baseUrl: other.url, accessToken: other.accessToken, kind: 'privateApp' },
        new HubSpotRate({ kind: 'privateApp' }),
      );
      await hs.properties('companies');
      await expect(hs.properties('companies')).rejects.toMatchObject({
        category: 'API_LIMIT',
        retryable: true,
        status: 429,
      });
    } finally {
      await other.close();
    }
  });

  test('tokenInfo verifies a private-app token', async () => {
    const info = await connectorFor().tokenInfo();
    expect(info.scopes).toEqual([]);
    await expect(connectorFor('pat-na1-wrong').tokenInfo()).rejects.toMatchObject({ category: 'AUTH' });
  });
});

test('R8.1 modifiedSince pages around the 10,000-result search cap without losing or repeating records', async () => {
  const big = await startHubSpotEmulator({ data: hubspotCompanies(10_300) });
  try {
    // The emulator's 5/s search limit is lifted; our own 5/s lane still paces the calls (on a warp clock).
    big.setLimits('privateApp', { searchPerSecond: null });
    const rate = new HubSpotRate({ kind: 'privateApp', clock: new WarpClock(Date.now()) });
    const hs = new ApiClientHubSpotConnector(
      { baseUrl: big.url, accessToken: big.accessToken, kind: 'privateApp' },
      rate,
    );
    const records = (await collect(hs.modifiedSince('companies', '2024-12-31T00:00:00.000Z', ['name']))).flat();
    expect(records).toHaveLength(10_300);
    expect(new Set(records.map((r) => r.id)).size).toBe(10_300);
  } finally {
    await big.close();
  }
});
