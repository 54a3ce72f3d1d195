import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../../../sandbox/faults/faults.js';
import type { SalesforceEmulator } from '../../../sandbox/salesforce/index.js';
import { connect, failure, rest, startOrg } from './helpers.js';

type Result = {
  id?: string;
  success: boolean;
  errors: { statusCode: string; message: string; fields: string[] }[];
  created?: boolean;
};

describe('Salesforce emulator: sObject writes and collections with real jsforce', () => {
  let org: SalesforceEmulator;
  beforeAll(async () => {
    org = await startOrg(10, { validationRule: true });
  });
  afterAll(() => org.close());

  it('A5 single create answers 201 with the id; retrieve shows SF datetimes and system fields', async () => {
    const conn = connect(org);
    const created = await conn.sobject('Account').create({ Name: 'Acme', Industry: 'Banking' });
    expect(created).toMatchObject({ success: true, errors: [] });
    expect(created.id).toMatch(/^001\w{15}$/);
    const row = await conn.sobject('Account').retrieve(created.id as string);
    expect(row).toMatchObject({ Name: 'Acme', Industry: 'Banking', OwnerId: org.integrationUserId, IsDeleted: false });
    expect(row.SystemModstamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
  });

  it('A5 update (204) moves SystemModstamp forward and never backwards; delete then retrieve is 404 ENTITY_IS_DELETED', async () => {
    const conn = connect(org);
    const { id } = await conn.sobject('Account').create({ Name: 'Before' });
    const before = org.store.getAccount(id as string)?.SystemModstamp as string;
    expect(await conn.sobject('Account').update({ Id: id as string, Name: 'After' })).toMatchObject({ success: true });
    const after = org.store.getAccount(id as string);
    expect(after?.Name).toBe('After');
    expect(after && after.SystemModstamp >= before).toBe(true);
    await conn.sobject('Account').destroy(id as string);
    const error = await failure(conn.sobject('Account').retrieve(id as string));
    expect(error.name).toBe('ENTITY_IS_DELETED');
  });

  it('A5 single-record validation errors are 400 arrays: REQUIRED_FIELD_MISSING, STRING_TOO_LONG', async () => {
    const conn = connect(org);
    const missing = await failure(conn.sobject('Account').create({ Website: 'x.example' }));
    expect(missing.name).toBe('REQUIRED_FIELD_MISSING');
    expect(missing.message).toBe('Required fields are missing: [Name]');
    const long = await failure(conn.sobject('Account').create({ Name: 'A', BillingCity: 'x'.repeat(41) }));
    expect(long.name).toBe('STRING_TOO_LONG');
  });

  it('A6 collections create returns per-record results incl. restricted picklist and validation rule errors', async () => {
    const results = (await connect(org)
      .sobject('Account')
      .create([
        { Name: 'Good' },
        { Name: 'Bad industry', Industry: 'Space Mining' },
        { Name: 'Bad website', Website: 'my site.example' },
        { Name: 'Employees', NumberOfEmployees: 123_456_789 },
      ])) as unknown as Result[];
    expect(results[0]).toMatchObject({ success: true, errors: [] });
    expect(results[1]?.errors[0]).toEqual({
      statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      message: 'Industry: bad value for restricted picklist field: Space Mining',
      fields: ['Industry'],
    });
    expect(results[2]?.errors[0]?.statusCode).toBe('FIELD_CUSTOM_VALIDATION_EXCEPTION');
    expect(results[3]?.errors[0]?.statusCode).toBe('NUMBER_OUTSIDE_VALID_RANGE');
  });

  it('A6 a 201-record collection is rejected with 400 EXCEEDED_ID_LIMIT and nothing is written', async () => {
    const before = org.store.accountCount;
    const records = Array.from({ length: 201 }, (_, i) => ({ Name: `Bulk ${i}` }));
    const error = await failure(connect(org).sobject('Account').create(records));
    expect(error.name).toBe('EXCEEDED_ID_LIMIT');
    expect(org.store.accountCount).toBe(before);
  });

  it('A6 allOrNone: one failure rolls back every record; the others report ALL_OR_NONE_OPERATION_ROLLED_BACK', async () => {
    const before = org.store.accountCount;
    const results = (await connect(org)
      .sobject('Account')
      .create([{ Name: 'Keep?' }, { Name: '' }, { Name: 'Keep too?' }], {
        allOrNone: true,
      })) as unknown as Result[];
    expect(results.map((r) => r.errors[0]?.statusCode)).toEqual([
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      'REQUIRED_FIELD_MISSING',
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
    ]);
    expect(results.every((r) => !r.success && r.id === undefined)).toBe(true);
    expect(org.store.accountCount).toBe(before);
  });

  it('A6 collections update reports a bad id per record and applies the rest (allOrNone false)', async () => {
    const conn = connect(org);
    const { id } = await conn.sobject('Account').create({ Name: 'To update' });
    const results = (await conn.sobject('Account').update([
      { Id: id as string, Phone: '+46 8 123' },
      { Id: '001Hp0000zzzzzzAAA', Phone: '1' },
      { Id: 'garbage', Phone: '1' },
    ])) as unknown as Result[];
    expect(results.map((r) => r.success)).toEqual([true, false, false]);
    expect(results[1]?.errors[0]?.statusCode).toBe('INVALID_CROSS_REFERENCE_KEY');
    expect(results[2]?.errors[0]?.statusCode).toBe('MALFORMED_ID');
    expect(org.store.getAccount(id as string)?.Phone).toBe('+46 8 123');
  });

  it('A5 upsert by external id: 201 created, then 200 with created:false; a clash is DUPLICATE_VALUE', async () => {
    const path = '/sobjects/Account/HubSpot_Company_Id__c/hs-777';
    const created = await rest(org, path, { method: 'PATCH', body: JSON.stringify({ Name: 'From HubSpot' }) });
    expect(created.status).toBe(201);
    const body = (await created.json()) as Result;
    expect(body).toMatchObject({ success: true, created: true });
    const updated = await rest(org, path, { method: 'PATCH', body: JSON.stringify({ Name: 'Renamed' }) });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ id: body.id, created: false });
    expect(org.store.getAccount(body.id as string)?.Name).toBe('Renamed');
    const clash = await failure(
      connect(org).sobject('Account').create({ Name: 'Dup', HubSpot_Company_Id__c: 'hs-777' }),
    );
    expect(clash.name).toBe('DUPLICATE_VALUE');
    expect(clash.message).toContain(body.id as string);
  });

  it('A6 collections upsert (jsforce PATCH /composite/sobjects/Account/HubSpot_Company_Id__c) reports created per record', async () => {
    const conn = connect(org);
    await conn.sobject('Account').create({ Name: 'Existing', HubSpot_Company_Id__c: 'hs-1' });
    const results = (await conn.sobject('Account').upsert(
      [
        { HubSpot_Company_Id__c: 'hs-1', Name: 'Existing v2' },
        { HubSpot_Company_Id__c: 'hs-2', Name: 'New' },
      ],
      'HubSpot_Company_Id__c',
    )) as unknown as Result[];
    expect(results.map((r) => r.created)).toEqual([false, true]);
    expect(org.store.getAccount(results[0]?.id as string)?.Name).toBe('Existing v2');
  });

  it('A6 writing a formula or system field is INVALID_FIELD_FOR_INSERT_UPDATE; an unknown field fails the call', async () => {
    const conn = connect(org);
    const results = (await conn
      .sobject('Account')
      .create([{ Name: 'X', Has_HubSpot_Link__c: true }])) as unknown as Result[];
    expect(results[0]?.errors[0]?.statusCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect((await failure(conn.sobject('Account').create([{ Name: 'X', Nope__c: 1 }]))).name).toBe('INVALID_FIELD');
  });

  it('faults partial=1 makes every collection record fail with UNABLE_TO_LOCK_ROW', async () => {
    org.faults.configure(parseFaultSpec('partial=1'));
    try {
      const results = (await connect(org)
        .sobject('Account')
        .create([{ Name: 'A' }, { Name: 'B' }])) as unknown as Result[];
      expect(results.map((r) => r.errors[0]?.statusCode)).toEqual(['UNABLE_TO_LOCK_ROW', 'UNABLE_TO_LOCK_ROW']);
    } finally {
      org.faults.configure(parseFaultSpec(''));
    }
  });

  it('Contact and Lead: create, get, update, delete; Contact.AccountId must point at a live account', async () => {
    const conn = connect(org);
    const { id: accountId } = await conn.sobject('Account').create({ Name: 'Parent' });
    const contact = await conn
      .sobject('Contact')
      .create({ LastName: 'Doe', FirstName: 'Jane', AccountId: accountId as string });
    expect(await conn.sobject('Contact').retrieve(contact.id as string)).toMatchObject({
      Name: 'Jane Doe',
      AccountId: accountId,
    });
    const bad = await failure(conn.sobject('Contact').create({ LastName: 'X', AccountId: '001Hp0000zzzzzzAAA' }));
    expect(bad.name).toBe('INVALID_CROSS_REFERENCE_KEY');
    const lead = await conn.sobject('Lead').create({ LastName: 'Lee', Company: 'Co' });
    await conn.sobject('Lead').update({ Id: lead.id as string, Status: 'Working - Contacted' });
    expect(org.store.getLead(lead.id as string)?.Status).toBe('Working - Contacted');
    await conn.sobject('Lead').destroy(lead.id as string);
    expect(org.store.getLead(lead.id as string)?.IsDeleted).toBe(true);
  });
});
