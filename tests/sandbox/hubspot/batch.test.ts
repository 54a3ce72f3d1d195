import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Client } from '@hubspot/api-client';
import { parseFaultSpec } from '../../../sandbox/faults/faults.js';
import type { HubSpotEmulator } from '../../../sandbox/hubspot/index.js';
import { apiError, start } from './helpers.js';

let emulator: HubSpotEmulator;
let client: Client;
beforeAll(async () => ({ emulator, client } = await start()));
afterAll(() => emulator.close());

const inputs = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ properties: { name: `Bulk ${i}` }, associations: [] }));

describe('CRM v3 batch through @hubspot/api-client', () => {
  test('R8.3 a batch of 101 inputs is a 400 with a validation body; 100 is fine (201)', async () => {
    const e = await apiError(client.crm.companies.batchApi.create({ inputs: inputs(101) }));
    expect(e.code).toBe(400);
    expect(e.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(String(e.body.message)).toContain('100');
    const ok = await client.crm.companies.batchApi.create({ inputs: inputs(100) });
    expect(ok.results).toHaveLength(100);
    expect(ok.status).toBe('COMPLETE');
  });

  test('207: one bad enumeration value fails that input only, the others are written', async () => {
    const before = emulator.store.companyCount;
    const res = await client.crm.companies.batchApi.create({
      inputs: [
        { properties: { name: 'Good 1', industry: 'BANKING' }, associations: [] },
        { properties: { name: 'Bad', industry: 'NOT_AN_INDUSTRY' }, associations: [], objectWriteTraceId: 'trace-bad' },
        { properties: { name: 'Good 2', lifecyclestage: 'customer' }, associations: [] },
      ],
    });
    // The client returns the 207 body as BatchResponseSimplePublicObjectWithErrors.
    expect('numErrors' in res && res.numErrors).toBe(1);
    expect(res.results.map((r) => r.properties.name)).toEqual(['Good 1', 'Good 2']);
    const error = 'errors' in res ? res.errors?.[0] : undefined;
    expect(error).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      context: { propertyName: ['industry'], objectWriteTraceId: ['trace-bad'] },
    });
    expect(error?.message).toContain('INVALID_OPTION');
    expect(error?.message).toContain('NOT_AN_INDUSTRY was not one of the allowed options');
    expect(emulator.store.companyCount).toBe(before + 2);
  });

  test('207 for an unknown property in batch update, and OBJECT_NOT_FOUND for unknown ids', async () => {
    const res = await client.crm.companies.batchApi.update({
      inputs: [
        { id: '102', properties: { phone: '+358 1' } },
        { id: '103', properties: { nosuch: 'x' } },
        { id: '99999', properties: { name: 'ghost' } },
      ],
    });
    expect(res.results.map((r) => r.id)).toEqual(['102']);
    const errors = 'errors' in res ? (res.errors ?? []) : [];
    expect(errors.map((e) => e.category).sort()).toEqual(['OBJECT_NOT_FOUND', 'VALIDATION_ERROR']);
    expect(errors.find((e) => e.category === 'OBJECT_NOT_FOUND')?.context).toEqual({ ids: ['99999'] });
  });

  test('R0.3 a second company with the same salesforceaccountid is rejected', async () => {
    const single = await apiError(
      client.crm.companies.basicApi.create({
        properties: { name: 'Dup', salesforceaccountid: '001000000000001AAA' },
        associations: [],
      }),
    );
    expect(single.code).toBe(400);
    expect(single.body.category).toBe('VALIDATION_ERROR');
    const batch = await client.crm.companies.batchApi.create({
      inputs: [
        { properties: { name: 'Dup again', salesforceaccountid: '001000000000001AAA' }, associations: [] },
        { properties: { name: 'Fresh', salesforceaccountid: '001000000000777AAA' }, associations: [] },
        { properties: { name: 'Fresh twin', salesforceaccountid: '001000000000777AAA' }, associations: [] },
      ],
    });
    expect(batch.results.map((r) => r.properties.name)).toEqual(['Fresh']);
    expect('numErrors' in batch && batch.numErrors).toBe(2);
    expect(
      emulator.store.findByProperty('companies', 'salesforceaccountid', '001000000000001AAA').map((c) => c.id),
    ).toEqual(['101']);
  });

  test('batch upsert by salesforceaccountid creates, then updates on replay (no duplicate)', async () => {
    const upsert = () =>
      client.crm.companies.batchApi.upsert({
        inputs: [
          { id: '001000000000900AAA', idProperty: 'salesforceaccountid', properties: { name: 'Upserted' } },
          { id: '001000000000001AAA', idProperty: 'salesforceaccountid', properties: { city: 'Stockholm' } },
        ],
      });
    const first = await upsert();
    expect(first.results.map((r) => [r._new, r.properties.salesforceaccountid ?? null])).toEqual([
      [true, '001000000000900AAA'],
      [false, '001000000000001AAA'],
    ]);
    const count = emulator.store.companyCount;
    const replay = await upsert();
    expect(replay.results.map((r) => r._new)).toEqual([false, false]);
    expect(emulator.store.companyCount).toBe(count);
    expect(emulator.store.findCompanyByProperty('salesforceaccountid', '001000000000001AAA')?.properties.city).toBe(
      'Stockholm',
    );
  });

  test('batch read by idProperty, 207 naming missing ids; archive 204', async () => {
    const read = await client.crm.companies.batchApi.read({
      idProperty: 'salesforceaccountid',
      inputs: [{ id: '001000000000001AAA' }, { id: 'nope' }],
      properties: ['name'],
      propertiesWithHistory: ['name'],
    });
    expect(read.results.map((r) => r.id)).toEqual(['101']);
    expect(read.results[0]?.propertiesWithHistory?.name?.[0]?.value).toBe('Acme');
    expect('errors' in read && read.errors?.[0]?.message).toBe(
      'Could not get some COMPANY objects, they may be deleted or not exist. Check that ids are valid.',
    );
    const created = await client.crm.contacts.batchApi.create({
      inputs: [{ properties: { email: 'tmp@x.io' }, associations: [] }],
    });
    const id = created.results[0]?.id ?? '';
    await client.crm.contacts.batchApi.archive({ inputs: [{ id }] });
    expect(emulator.store.getContact(id)).toBeUndefined();
  });

  test('faults: partial= makes single inputs fail with 207 while the rest are written', async () => {
    emulator.faults.configure(parseFaultSpec('partial=0.5,seed=3'));
    try {
      const res = await client.crm.contacts.batchApi.create({
        inputs: Array.from({ length: 20 }, (_, i) => ({ properties: { email: `p${i}@f.io` }, associations: [] })),
      });
      const failed = 'numErrors' in res ? (res.numErrors ?? 0) : 0;
      expect(failed).toBeGreaterThan(0);
      expect(res.results.length + failed).toBe(20);
    } finally {
      emulator.faults.configure(parseFaultSpec(''));
    }
  });
});
