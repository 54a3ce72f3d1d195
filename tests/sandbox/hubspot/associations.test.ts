import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Client } from '@hubspot/api-client';
import type { HubSpotEmulator } from '../../../sandbox/hubspot/index.js';
import { apiError, start } from './helpers.js';

let emulator: HubSpotEmulator;
let client: Client;
beforeAll(async () => ({ emulator, client } = await start()));
afterAll(() => emulator.close());

const spec = (associationTypeId: number) => ({ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId });

describe('associations v4 between companies and contacts', () => {
  test('batch create (201) with type 280 and 1, then batch read returns the types; ids without any give 207', async () => {
    const created = await client.crm.associations.v4.batchApi.create('companies', 'contacts', {
      inputs: [{ _from: { id: '102' }, to: { id: '202' }, types: [spec(280)] }],
    });
    expect(created.results).toEqual([
      expect.objectContaining({
        fromObjectTypeId: '0-2',
        fromObjectId: '102',
        toObjectTypeId: '0-1',
        toObjectId: '202',
      }),
    ]);
    await client.crm.associations.v4.batchApi.create('contact', 'company', {
      inputs: [{ _from: { id: '202' }, to: { id: '102' }, types: [spec(1)] }],
    });
    const read = await client.crm.associations.v4.batchApi.getPage('contacts', 'companies', {
      inputs: [{ id: '202' }, { id: '201' }],
    });
    const byId = new Map(read.results.map((r) => [r._from.id, r.to]));
    expect(byId.get('202')).toEqual([
      {
        toObjectId: '102',
        associationTypes: [
          { category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' },
          { category: 'HUBSPOT_DEFINED', typeId: 279, label: null },
        ],
      },
    ]);
    expect(byId.get('201')?.[0]?.toObjectId).toBe('101');
    const none = await client.crm.associations.v4.batchApi.getPage('companies', 'contacts', {
      inputs: [{ id: '103' }],
    });
    expect(none.results).toEqual([]);
    expect('errors' in none && none.errors?.[0]?.category).toBe('OBJECT_NOT_FOUND');
  });

  test('a wrong type id or a missing record fails that input (207)', async () => {
    const res = await client.crm.associations.v4.batchApi.create('companies', 'contacts', {
      inputs: [
        { _from: { id: '103' }, to: { id: '201' }, types: [spec(279)] },
        { _from: { id: '103' }, to: { id: '999' }, types: [spec(280)] },
      ],
    });
    expect(res.results).toEqual([]);
    expect('numErrors' in res && res.numErrors).toBe(2);
  });

  test('per-object create (201), getPage, archive (204) and batch archive', async () => {
    const pair = await client.crm.associations.v4.basicApi.create('companies', '103', 'contacts', '201', [spec(280)]);
    expect(pair).toMatchObject({ fromObjectId: '103', toObjectId: '201' });
    const page = await client.crm.associations.v4.basicApi.getPage('company', '103', 'contact');
    expect(page.results.map((r) => r.toObjectId)).toEqual(['201']);
    await client.crm.associations.v4.basicApi.archive('companies', '103', 'contacts', '201');
    expect(emulator.store.contactIdsOfCompany('103')).toEqual([]);
    await client.crm.associations.v4.basicApi.createDefault('contacts', '201', 'companies', '103');
    expect(emulator.store.companyIdsOfContact('201')).toEqual(['101', '103']);
    await client.crm.associations.v4.batchApi.archive('contacts', 'companies', {
      inputs: [{ _from: { id: '201' }, to: [{ id: '103' }] }],
    });
    expect(emulator.store.companyIdsOfContact('201')).toEqual(['101']);
    expect(
      (await apiError(client.crm.associations.v4.basicApi.create('companies', '999', 'contacts', '201', [spec(280)])))
        .code,
    ).toBe(404);
  });

  test('archiving a company removes its associations', async () => {
    const c = await client.crm.companies.basicApi.create({ properties: { name: 'Temp' }, associations: [] });
    await client.crm.associations.v4.basicApi.create('companies', c.id, 'contacts', '202', [spec(280)]);
    await client.crm.companies.basicApi.archive(c.id);
    expect(emulator.store.companyIdsOfContact('202')).not.toContain(c.id);
  });
});
