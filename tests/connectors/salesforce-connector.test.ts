import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseFaultSpec } from '../../sandbox/faults/faults.js';
import { type SalesforceEmulator, startSalesforceEmulator } from '../../sandbox/salesforce/index.js';
import { WarpClock } from '../../main/connectors/rate/clock.js';
import { SalesforceRate } from '../../main/connectors/rate/salesforce-rate.js';
import { JsforceSalesforceConnector } from '../../main/connectors/salesforce.js';
import { RemoteError, type SfRecord } from '../../main/connectors/types.js';
import { salesforceAccounts } from './fixtures.js';

let emulator: SalesforceEmulator;
const connectorFor = (token = emulator.accessToken, rate = new SalesforceRate()) =>
  new JsforceSalesforceConnector({ instanceUrl: emulator.url, accessToken: token }, rate, {
    bulkPollTimeoutMs: 30_000,
  });

beforeAll(async () => {
  emulator = await startSalesforceEmulator({ data: salesforceAccounts(5000) });
});
afterAll(() => emulator?.close());

async function collect(pages: AsyncIterable<SfRecord[]>): Promise<SfRecord[][]> {
  const out: SfRecord[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}

test('identity and limits through jsforce', async () => {
  const sf = connectorFor();
  const identity = await sf.identity();
  expect(identity.orgId).toBe(emulator.orgId);
  expect(identity.instanceUrl).toBe(emulator.url);
  const limits = await sf.limits();
  expect(limits.dailyApiRequests.max).toBe(emulator.usage().max);
});

describe('R8.3 reading 5,000 accounts', () => {
  test('REST: pages of 2,000 in SystemModstamp order, one call per page', async () => {
    const rate = new SalesforceRate();
    const sf = connectorFor(undefined, rate);
    const pages = await collect(sf.stream('Account', ['Name', 'NumberOfEmployees'], { bulk: false }));
    expect(pages.map((p) => p.length)).toEqual([2000, 2000, 1000]);
    const records = pages.flat();
    expect(new Set(records.map((r) => r.Id)).size).toBe(5000);
    expect(records[0]).not.toHaveProperty('attributes');
    const stamps = records.map((r) => String(r.SystemModstamp));
    expect([...stamps].sort()).toEqual(stamps);
    expect(rate.budget.usage().consoleCalls).toBe(3);
  });

  test('REST: since narrows the read', async () => {
    const sf = connectorFor();
    const pages = await collect(
      sf.stream('Account', ['Name'], { since: new Date(Date.UTC(2025, 0, 1) + 4990 * 1000).toISOString() }),
    );
    expect(pages.flat()).toHaveLength(10);
  });

  test('Bulk API 2.0: the same 5,000 records, re-typed from describe', async () => {
    const sf = connectorFor();
    const records = (await collect(sf.stream('Account', ['Name', 'NumberOfEmployees'], { bulk: true }))).flat();
    expect(records).toHaveLength(5000);
    const second = records.find((r) => r.Name === 'Account 2');
    expect(second?.NumberOfEmployees).toBe(1);
    expect(records.find((r) => r.Name === 'Account 1')?.NumberOfEmployees).toBeNull();
  });

  test('Bulk API 2.0: results followed page by page through Sforce-Locator, never all in memory at once', async () => {
    const rate = new SalesforceRate();
    const sf = new JsforceSalesforceConnector({ instanceUrl: emulator.url, accessToken: emulator.accessToken }, rate, {
      bulkResultPage: 1200,
    });
    const pages = await collect(sf.stream('Account', ['Name'], { bulk: true }));
    // Five results requests of ≤1,200 rows, each handed on in pages of ≤2,000: no page larger than a request.
    expect(Math.max(...pages.map((p) => p.length))).toBeLessThanOrEqual(1200);
    const records = pages.flat();
    expect(new Set(records.map((r) => r.Id)).size).toBe(5000);
    // job create + at least one poll + 5 result pages (+ describe for re-typing)
    expect(rate.budget.usage().consoleCalls).toBeGreaterThanOrEqual(7);
  });

  test('a full read above the threshold chooses Bulk by itself', async () => {
    const rate = new SalesforceRate();
    const sf = new JsforceSalesforceConnector({ instanceUrl: emulator.url, accessToken: emulator.accessToken }, rate, {
      bulkThreshold: 1000,
    });
    const records = (await collect(sf.stream('Account', ['Name']))).flat();
    expect(records).toHaveLength(5000);
  });
});

describe('writes in collections of ≤ 200 (R8.3, R7.7)', () => {
  test('create 201 records: two calls, results in input order', async () => {
    const rate = new SalesforceRate();
    const sf = connectorFor(undefined, rate);
    const before = rate.budget.usage().consoleCalls;
    const results = await sf.create(
      'Account',
      Array.from({ length: 201 }, (_, i) => ({ Name: `New ${i}` })),
    );
    expect(rate.budget.usage().consoleCalls - before).toBe(2);
    expect(results).toHaveLength(201);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  test('a restricted-picklist value fails that record only, as PROPERTY_VALUE', async () => {
    const sf = connectorFor();
    const results = await sf.create('Account', [
      { Name: 'Good' },
      { Name: 'Bad', Industry: 'Not An Industry' },
      { Name: 'Also good' },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({
      ok: false,
      category: 'PROPERTY_VALUE',
      code: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    });
  });

  test('update and upsert by external id; a replayed upsert does not duplicate', async () => {
    const sf = connectorFor();
    const [created] = await sf.create('Account', [{ Name: 'To update' }]);
    if (!created?.ok) throw new Error('create failed');
    const updated = await sf.update('Account', [{ Id: created.id, Name: 'Updated' }]);
    expect(updated).toEqual([{ ok: true, id: created.id }]);
    const records = [{ HubSpot_Company_Id__c: 'hs-42', Name: 'From HubSpot' }];
    const first = await sf.upsert('Account', 'HubSpot_Company_Id__c', records);
    const again = await sf.upsert('Account', 'HubSpot_Company_Id__c', records);
    expect(first[0]).toMatchObject({ ok: true, created: true });
    expect(again[0]).toMatchObject({ ok: true, created: false });
    expect(again[0]?.id).toBe(first[0]?.id);
  });

  test('getDeleted lists deleted accounts', async () => {
    const sf = connectorFor();
    const start = new Date(Date.now() - 60_000).toISOString();
    const [created] = await sf.create('Account', [{ Name: 'Short-lived' }]);
    if (!created?.ok) throw new Error('create failed');
    emulator.store.delete('Account', created.id);
    const deleted = await sf.getDeleted('Account', start, new Date(Date.now() + 60_000).toISOString());
    expect(deleted.map((d) => d.id)).toContain(created.id);
  });

  test('describeAccount gives picklist values and formula flags', async () => {
    const fields = await connectorFor().describeAccount();
    const industry = fields.find((f) => f.name === 'Industry');
    expect(industry?.type).toBe('picklist');
    expect(industry?.picklistValues?.length).toBeGreaterThan(5);
  });
});

describe('R9.2 whole-call errors', () => {
  test('a bad token is AUTH, not retryable', async () => {
    const error = await connectorFor('00D000000000000!not-a-token')
      .identity()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({ category: 'AUTH', retryable: false, code: 'INVALID_SESSION_ID' });
    expect((error as Error).message).not.toContain('not-a-token');
  });

  test('REQUEST_LIMIT_EXCEEDED is API_LIMIT (retryable), and the budget then pauses before calling', async () => {
    const other = await startSalesforceEmulator({ data: salesforceAccounts(1) });
    try {
      other.setDailyLimit(1000, 1000);
      const rate = new SalesforceRate();
      const sf = new JsforceSalesforceConnector({ instanceUrl: other.url, accessToken: other.accessToken }, rate);
      await expect(sf.limits()).rejects.toMatchObject({
        category: 'API_LIMIT',
        retryable: true,
        code: 'REQUEST_LIMIT_EXCEEDED',
      });
      expect(sf.usage()).toMatchObject({ orgUsed: 1000, orgMax: 1000 });
      expect(sf.usage().pausedReason).toMatch(/90 %/);
    } finally {
      await other.close();
    }
  });

  test('usage is fed from Sforce-Limit-Info', async () => {
    const sf = connectorFor();
    await sf.limits();
    const usage = sf.usage();
    expect(usage.orgMax).toBe(emulator.usage().max);
    expect(usage.orgUsed).toBe(emulator.usage().used);
    expect(usage.allocation).toBe(Math.floor(usage.orgMax * 0.2));
  });

  test('an injected burst of concurrency-limit refusals is waited out', async () => {
    emulator.faults.configure(parseFaultSpec('burst429=2'));
    try {
      // A warp clock: the 2-second waits take no real time.
      const sf = connectorFor(undefined, new SalesforceRate({ clock: new WarpClock(Date.now()) }));
      await expect(sf.limits()).resolves.toMatchObject({ dailyApiRequests: { max: emulator.usage().max } });
    } finally {
      emulator.faults.configure(parseFaultSpec(''));
    }
  });
});
