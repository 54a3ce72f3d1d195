import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Client } from '@hubspot/api-client';
import type { HubSpotEmulator } from '../../../sandbox/hubspot/index.js';
import { apiError, start } from './helpers.js';

let emulator: HubSpotEmulator;
let client: Client;
beforeAll(async () => ({ emulator, client } = await start()));
afterAll(() => emulator.close());

describe('lists, owners and properties', () => {
  test('R3.1c list memberships page through the inclusion list; an unknown list is a 404', async () => {
    const first = await client.crm.lists.membershipsApi.getPage('7', undefined, undefined, 1);
    expect(first.results.map((r) => r.recordId)).toEqual(['201']);
    expect(first.results[0]?.membershipTimestamp).toBeInstanceOf(Date);
    const second = await client.crm.lists.membershipsApi.getPage('7', first.paging?.next?.after, undefined, 1);
    expect(second.results.map((r) => r.recordId)).toEqual(['202']);
    expect(second.paging?.next).toBeUndefined();
    const e = await apiError(client.crm.lists.membershipsApi.getPage('404'));
    expect(e.code).toBe(404);
  });

  test('owners page with after, filter by email, and list archived owners separately', async () => {
    const page = await client.crm.owners.ownersApi.getPage(undefined, undefined, 1);
    expect(page.results.map((o) => o.id)).toEqual(['501']);
    const next = await client.crm.owners.ownersApi.getPage(undefined, page.paging?.next?.after, 1);
    expect(next.results.map((o) => o.email)).toEqual(['owner2@example.com']);
    expect(next.paging).toBeUndefined();
    const byEmail = await client.crm.owners.ownersApi.getPage('OWNER2@example.com');
    expect(byEmail.results.map((o) => o.id)).toEqual(['502']);
    const archived = await client.crm.owners.ownersApi.getPage(undefined, undefined, 100, true);
    expect(archived.results.map((o) => o.id)).toEqual(['503']);
    expect((await client.crm.owners.ownersApi.getById(501)).lastName).toBe('One');
  });

  test('default properties: industry is an enumeration with HubSpot options, salesforceaccountid is unique', async () => {
    const all = await client.crm.properties.coreApi.getAll('companies', false);
    const names = all.results.map((p) => p.name);
    for (const n of [
      'name',
      'domain',
      'phone',
      'city',
      'state',
      'country',
      'industry',
      'numberofemployees',
      'annualrevenue',
      'description',
      'lifecyclestage',
      'hubspot_owner_id',
      'salesforceaccountid',
      'hs_object_source',
      'hs_object_source_label',
      'createdate',
      'hs_lastmodifieddate',
    ])
      expect(names).toContain(n);
    const industry = await client.crm.properties.coreApi.getByName('companies', 'industry');
    expect(industry.type).toBe('enumeration');
    expect(industry.options.map((o) => o.value)).toEqual(
      expect.arrayContaining(['ACCOUNTING', 'COMPUTER_SOFTWARE', 'BANKING']),
    );
    expect((await client.crm.properties.coreApi.getByName('companies', 'salesforceaccountid')).hasUniqueValue).toBe(
      true,
    );
    const contactNames = (await client.crm.properties.coreApi.getAll('contacts')).results.map((p) => p.name);
    for (const n of [
      'email',
      'firstname',
      'lastname',
      'lifecyclestage',
      'salesforcecontactid',
      'salesforceleadid',
      'hubspot_owner_id',
    ]) {
      expect(contactNames).toContain(n);
    }
    expect((await apiError(client.crm.properties.coreApi.getByName('companies', 'nosuch'))).code).toBe(404);
  });

  test('property create 201, duplicate 409; a new unique property works as an upsert idProperty', async () => {
    const created = await client.crm.properties.coreApi.create('companies', {
      name: 'erp_id',
      label: 'ERP id',
      type: 'string' as never,
      fieldType: 'text' as never,
      groupName: 'companyinformation',
      hasUniqueValue: true,
    });
    expect(created).toMatchObject({ name: 'erp_id', hasUniqueValue: true });
    const dup = await apiError(
      client.crm.properties.coreApi.create('companies', {
        name: 'erp_id',
        label: 'ERP id',
        type: 'string' as never,
        fieldType: 'text' as never,
        groupName: 'companyinformation',
      }),
    );
    expect(dup.code).toBe(409);
    expect(dup.body.category).toBe('OBJECT_ALREADY_EXISTS');
    const up = await client.crm.companies.batchApi.upsert({
      inputs: [{ id: 'E-1', idProperty: 'erp_id', properties: { name: 'ERP Co' } }],
    });
    expect(up.results[0]?._new).toBe(true);
    expect(emulator.store.findCompanyByProperty('erp_id', 'E-1')?.properties.name).toBe('ERP Co');
  });
});
