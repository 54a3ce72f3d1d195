import { Client } from '@hubspot/api-client';
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Sandbox, startSandbox } from '../../../sandbox/index.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ accounts: 300, contacts: 600, seed: 4 });
});
afterAll(() => sandbox.close());

const admin = (path: string, method = 'GET', body?: unknown) =>
  fetch(`${sandbox.admin.url}${path}`, {
    method,
    body: typeof body === 'string' || body === undefined ? body : JSON.stringify(body),
    headers: typeof body === 'object' ? { 'content-type': 'application/json' } : {},
  });
const hsCompanies = () =>
  fetch(`${sandbox.hubspot.url}/crm/v3/objects/companies?limit=1`, {
    headers: { authorization: `Bearer ${sandbox.hubspot.accessToken}` },
  });

describe('startSandbox', () => {
  test('serves the seeded org through the real jsforce client', async () => {
    const info = sandbox.info();
    const conn = new jsforce.Connection({
      instanceUrl: info.salesforce.url,
      accessToken: info.salesforce.accessToken,
      version: '62.0',
    });
    const result = await conn.query<{ Id: string; Name: string }>('SELECT Id, Name FROM Account');
    expect(result.totalSize).toBe(300);
    expect(result.records[0]?.Id).toMatch(/^001/);
  });

  test('serves the seeded portal through the real @hubspot/api-client', async () => {
    const info = sandbox.info();
    const client = new Client({ accessToken: info.hubspot.accessToken, basePath: info.hubspot.url });
    const page = await client.crm.companies.basicApi.getPage(5, undefined, ['name', 'salesforceaccountid']);
    expect(page.results).toHaveLength(5);
    expect(page.results[0]?.properties.name).toBeTruthy();
  });

  test('info() carries what scripts need, plus counts and the expected reason counts', () => {
    const info = sandbox.info();
    expect(Object.keys(info.salesforce)).toEqual(
      expect.arrayContaining(['url', 'clientId', 'clientSecret', 'accessToken']),
    );
    expect(Object.keys(info.hubspot)).toEqual(
      expect.arrayContaining(['url', 'clientId', 'clientSecret', 'accessToken']),
    );
    expect(info.admin.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.counts.sfAccounts).toBe(300);
    expect(info.expected.accountCreationReasons.ALREADY_LINKED).toBeGreaterThan(0);
  });
});

describe('admin endpoint', () => {
  test('PUT /faults burst429=1 on HubSpot: the next call gets a 429, the one after succeeds', async () => {
    const put = await admin('/faults?system=hubspot', 'PUT', 'burst429=1');
    expect(put.status).toBe(200);
    expect(((await put.json()) as { hubspot: { burst429: number } }).hubspot.burst429).toBe(1);
    expect((await hsCompanies()).status).toBe(429);
    expect((await hsCompanies()).status).toBe(200);
  });

  test('PUT /faults accepts {"spec"} JSON and reaches Salesforce only when asked', async () => {
    await admin('/faults?system=salesforce', 'PUT', { spec: '5xx=1' });
    const faults = (await (await admin('/faults')).json()) as Record<string, { rate5xx: number }>;
    expect(faults.salesforce?.rate5xx).toBe(1);
    expect(faults.hubspot?.rate5xx).toBe(0);
    await admin('/reset', 'POST');
    const after = (await (await admin('/faults')).json()) as Record<string, { rate5xx: number }>;
    expect(after.salesforce?.rate5xx).toBe(0);
  });

  test('PUT /hubspot/limits lowers the ten-second limit until calls are refused', async () => {
    expect((await admin('/hubspot/limits', 'PUT', { kind: 'both', perTenSeconds: 1 })).status).toBe(200);
    const statuses = [(await hsCompanies()).status, (await hsCompanies()).status, (await hsCompanies()).status];
    expect(statuses).toContain(429);
    await admin('/hubspot/limits', 'PUT', { kind: 'both', perTenSeconds: null, perDay: null });
    expect((await hsCompanies()).status).toBe(200);
  });

  test('PUT /salesforce/limit sets the daily allocation, and GET /stats counts calls', async () => {
    const res = await admin('/salesforce/limit', 'PUT', { max: 5000, used: 10 });
    expect(await res.json()).toMatchObject({ max: 5000 });
    const stats = (await (await admin('/stats')).json()) as { hubspot: { total: number; rateLimited: number } };
    expect(stats.hubspot.total).toBeGreaterThan(0);
    expect(stats.hubspot.rateLimited).toBeGreaterThan(0);
  });

  test('bad input is a 400 with a message that says what to send', async () => {
    const bad = [
      await admin('/faults', 'PUT', 'nonsense=1'),
      await admin('/faults?system=moon', 'PUT', 'burst429=1'),
      await admin('/hubspot/limits', 'PUT', { kind: 'x' }),
      await admin('/hubspot/limits', 'PUT', { perTenSeconds: -1 }),
      await admin('/salesforce/limit', 'PUT', { used: 3 }),
    ];
    for (const res of bad) {
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message.length).toBeGreaterThan(10);
    }
  });
});
