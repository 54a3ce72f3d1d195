import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Client } from '@hubspot/api-client';
import type { HubSpotEmulator } from '../../../sandbox/hubspot/index.js';
import { apiError, start } from './helpers.js';

let emulator: HubSpotEmulator;
let client: Client;
beforeAll(async () => ({ emulator, client } = await start()));
afterAll(() => emulator.close());

describe('CRM v3 basic objects through @hubspot/api-client', () => {
  test('list pages with after, returns requested properties and associations', async () => {
    const first = await client.crm.companies.basicApi.getPage(2, undefined, ['name', 'industry'], undefined, [
      'contacts',
    ]);
    expect(first.results.map((c) => c.id)).toEqual(['101', '102']);
    expect(first.results[0]?.properties).toMatchObject({
      name: 'Acme',
      industry: 'COMPUTER_SOFTWARE',
      hs_object_id: '101',
    });
    expect(first.results[0]?.associations?.contacts?.results).toEqual([
      { id: '201', type: 'company_to_contact_unlabeled' },
    ]);
    expect(first.results[0]?.createdAt).toBeInstanceOf(Date);
    const after = first.paging?.next?.after;
    expect(after).toBeDefined();
    const second = await client.crm.companies.basicApi.getPage(2, after);
    expect(second.results.map((c) => c.id)).toEqual(['103']);
    expect(second.paging).toBeUndefined();
    const all = await client.crm.companies.getAll();
    expect(all.length).toBe(emulator.store.companyCount);
  });

  test('list limit above 100 is a 400 VALIDATION_ERROR', async () => {
    const e = await apiError(client.crm.companies.basicApi.getPage(101));
    expect(e.code).toBe(400);
    expect(e.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(e.headers['content-type']).toBe('application/json;charset=utf-8');
  });

  test('get by id, by idProperty, and 404 for an unknown id', async () => {
    const byId = await client.crm.contacts.basicApi.getById('201', ['email', 'salesforcecontactid']);
    expect(byId.properties.email).toBe('ann@acme.com');
    const byEmail = await client.crm.contacts.basicApi.getById(
      'ANN@acme.com',
      ['firstname'],
      undefined,
      undefined,
      false,
      'email',
    );
    expect(byEmail.id).toBe('201');
    const bySf = await client.crm.companies.basicApi.getById(
      '001000000000001AAA',
      undefined,
      undefined,
      undefined,
      false,
      'salesforceaccountid',
    );
    expect(bySf.id).toBe('101');
    const e = await apiError(client.crm.companies.basicApi.getById('999'));
    expect(e.code).toBe(404);
    expect(e.body.category).toBe('OBJECT_NOT_FOUND');
  });

  test('create 201 records how the company was created; update 200 bumps hs_lastmodifieddate; archive 204', async () => {
    const created = await client.crm.companies.basicApi.create({
      properties: { name: 'Delta', domain: 'delta.io' },
      associations: [],
    });
    expect(created.properties).toMatchObject({
      name: 'Delta',
      hs_object_source: 'INTEGRATION',
      hs_object_id: created.id,
    });
    const before = created.updatedAt.getTime();
    await new Promise((r) => setTimeout(r, 5));
    const updated = await client.crm.companies.basicApi.update(created.id, { properties: { city: 'Oslo' } });
    expect(updated.properties.city).toBe('Oslo');
    expect(updated.updatedAt.getTime()).toBeGreaterThan(before);
    expect(updated.properties.hs_lastmodifieddate).toBe(updated.updatedAt.toISOString());
    await client.crm.companies.basicApi.archive(created.id);
    expect(emulator.store.getCompany(created.id)).toBeUndefined();
    expect((await apiError(client.crm.companies.basicApi.getById(created.id))).code).toBe(404);
  });

  test('create with associations links the new contact to a company', async () => {
    const contact = await client.crm.contacts.basicApi.create({
      properties: { email: 'new@acme.com', firstname: 'New' },
      associations: [
        { to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 1 }] },
      ],
    });
    expect(emulator.store.companyIdsOfContact(contact.id)).toEqual(['101']);
    expect(emulator.store.associations.isPrimary('101', contact.id)).toBe(true);
  });

  test('a duplicate contact email is a 409 CONFLICT naming the existing id', async () => {
    const e = await apiError(
      client.crm.contacts.basicApi.create({ properties: { email: 'BO@beta.fi' }, associations: [] }),
    );
    expect(e.code).toBe(409);
    expect(e.body).toMatchObject({ category: 'CONFLICT', message: 'Contact already exists. Existing ID: 202' });
  });

  test('unknown and read-only properties are refused with HubSpot property errors', async () => {
    const e = await apiError(client.crm.companies.basicApi.update('102', { properties: { nosuch: 'x' } }));
    expect(e.code).toBe(400);
    expect(String(e.body.message)).toContain('PROPERTY_DOESNT_EXIST');
    const ro = await apiError(client.crm.companies.basicApi.update('102', { properties: { hs_object_id: '5' } }));
    expect(String(ro.body.message)).toContain('READ_ONLY_VALUE');
  });

  test('propertiesWithHistory returns every write, newest first, with timestamp and source', async () => {
    await client.crm.companies.basicApi.update('102', { properties: { name: 'Beta Group' } });
    await client.crm.companies.basicApi.update('102', { properties: { name: 'Beta Holding' } });
    const read = await client.crm.companies.basicApi.getById('102', ['name'], ['name']);
    const history = read.propertiesWithHistory?.name ?? [];
    expect(history.map((h) => h.value)).toEqual(['Beta Holding', 'Beta Group', 'Beta Oy']);
    expect(history[0]).toMatchObject({ sourceType: 'INTEGRATION', sourceId: '1234567' });
    expect(history[0]?.timestamp).toBeInstanceOf(Date);
    expect(history[2]?.sourceType).toBe('IMPORT');
  });

  test('every response carries application/json;charset=utf-8 and rate-limit headers', async () => {
    const res = await fetch(`${emulator.url}/crm/v3/objects/companies?limit=1`, {
      headers: { authorization: `Bearer ${emulator.accessToken}` },
    });
    expect(res.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(res.headers.get('x-hubspot-ratelimit-max')).toBe('190');
    expect(res.headers.get('x-hubspot-ratelimit-daily')).toBe('1000000');
    const unauth = await fetch(`${emulator.url}/crm/v3/objects/companies`);
    expect(unauth.status).toBe(401);
    expect(await unauth.json()).toMatchObject({ category: 'INVALID_AUTHENTICATION' });
  });
});
