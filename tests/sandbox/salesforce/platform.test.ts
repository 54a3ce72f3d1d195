import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../../../sandbox/faults/faults.js';
import type { SalesforceEmulator } from '../../../sandbox/salesforce/index.js';
import { connect, failure, rest, startOrg } from './helpers.js';

describe('Salesforce emulator: limits, replication, describe, bulk 2.0 with real jsforce', () => {
  let org: SalesforceEmulator;
  let clock = Date.parse('2026-01-02T12:00:00.000Z');
  beforeAll(async () => {
    org = await startOrg(3000, { now: () => new Date(clock) });
  });
  afterAll(() => org.close());

  it('A3 every REST answer carries Sforce-Limit-Info; jsforce reads it into limitInfo', async () => {
    const conn = connect(org);
    await conn.query('SELECT Id FROM Account LIMIT 1');
    const { used, max } = org.usage();
    expect(conn.limitInfo.apiUsage).toEqual({ used, limit: max });
    const res = await rest(org, '/sobjects/Account/describe');
    expect(res.headers.get('sforce-limit-info')).toBe(`api-usage=${used + 1}/${max}`);
  });

  it('A9 limits() reports DailyApiRequests Max/Remaining', async () => {
    org.setDailyLimit(5000, 100);
    const limits = await connect(org).limits();
    expect(limits.DailyApiRequests).toEqual({ Max: 5000, Remaining: 4899 });
    org.setDailyLimit(100_000, 0);
  });

  it('A3 a spent daily allocation answers 403 REQUEST_LIMIT_EXCEEDED "TotalRequests Limit exceeded."', async () => {
    org.setDailyLimit(10, 10);
    try {
      const error = await failure(connect(org).query('SELECT Id FROM Account'));
      expect(error.name).toBe('REQUEST_LIMIT_EXCEEDED');
      expect(error.message).toBe('TotalRequests Limit exceeded.');
    } finally {
      org.setDailyLimit(100_000, 0);
    }
  });

  it('faults burst429: the injected rate limit is 403 REQUEST_LIMIT_EXCEEDED ConcurrentPerOrgLongTxn (no jsforce retry)', async () => {
    org.faults.configure(parseFaultSpec('burst429=1'));
    try {
      const error = await failure(connect(org).query('SELECT Id FROM Account LIMIT 1'));
      expect(error.name).toBe('REQUEST_LIMIT_EXCEEDED');
      expect(error.message).toContain('ConcurrentPerOrgLongTxn');
      expect((await connect(org).query('SELECT Id FROM Account LIMIT 1')).totalSize).toBe(1);
    } finally {
      org.faults.configure(parseFaultSpec(''));
    }
  });

  it('A8 updated() lists ids changed in [start, end) on SystemModstamp; deleted() lists deletions with deletedDate', async () => {
    const conn = connect(org);
    const ids = (await conn.query('SELECT Id FROM Account ORDER BY Id LIMIT 3')).records.map((r) => r.Id as string);
    clock = Date.parse('2026-01-03T09:30:10.000Z');
    await conn.sobject('Account').update({ Id: ids[0] as string, Phone: '1' });
    await conn.sobject('Account').destroy(ids[1] as string);
    clock = Date.parse('2026-01-03T10:00:00.000Z');
    const updated = await conn.sobject('Account').updated('2026-01-03T09:00:00Z', '2026-01-03T10:00:00Z');
    expect(updated.ids).toEqual([ids[0]]);
    expect(updated.latestDateCovered).toBe('2026-01-03T10:00:00.000+0000');
    const deleted = await conn.sobject('Account').deleted('2026-01-03T09:00:00Z', '2026-01-03T10:00:00Z');
    expect(deleted.deletedRecords).toEqual([{ id: ids[1], deletedDate: '2026-01-03T09:30:10.000+0000' }]);
  });

  it('A8 mergeAccounts deletes the loser with MasterRecordId (queryAll) and re-parents its contacts', async () => {
    const conn = connect(org);
    const master = await conn.sobject('Account').create({ Name: 'Winner' });
    const loser = await conn.sobject('Account').create({ Name: 'Loser' });
    const contact = await conn.sobject('Contact').create({ LastName: 'Moved', AccountId: loser.id as string });
    org.store.mergeAccounts(master.id as string, loser.id as string);
    const rows = await conn.query(`SELECT Id, IsDeleted, MasterRecordId FROM Account WHERE Id = '${loser.id}'`, {
      scanAll: true,
    });
    expect(rows.records[0]).toMatchObject({ IsDeleted: true, MasterRecordId: master.id });
    expect(org.store.getContact(contact.id as string)?.AccountId).toBe(master.id);
  });

  it('A11 describe(Account) lists fields with types, lengths, restricted picklist, external id and a formula', async () => {
    const describe = await connect(org).sobject('Account').describe();
    const field = (name: string) => describe.fields.find((f) => f.name === name);
    expect(field('Name')).toMatchObject({ type: 'string', length: 255, nillable: false, createable: true });
    expect(field('BillingCity')).toMatchObject({ length: 40 });
    expect(field('Industry')).toMatchObject({ type: 'picklist', restrictedPicklist: true });
    expect(field('Industry')?.picklistValues?.map((p) => p.value)).toContain('Technology');
    expect(field('HubSpot_Company_Id__c')).toMatchObject({ externalId: true, unique: true, custom: true });
    expect(field('Has_HubSpot_Link__c')).toMatchObject({ calculated: true, createable: false, updateable: false });
    expect(field('SystemModstamp')).toMatchObject({ type: 'datetime', updateable: false });
    expect(describe.childRelationships).toContainEqual(
      expect.objectContaining({ childSObject: 'Contact', field: 'AccountId' }),
    );
  });

  it('A10 bulk2.query returns every row of a few thousand as CSV records', async () => {
    const records = await (
      await connect(org).bulk2.query("SELECT Id, Name, NumberOfEmployees FROM Account WHERE BillingCity = 'Oslo'", {
        pollInterval: 50,
      })
    ).toArray();
    expect(records.length).toBeGreaterThan(1400);
    expect(records[0]).toMatchObject({ Name: expect.stringMatching(/^Account /) });
  });

  it('A10 results paging with maxRecords: Sforce-Locator on every page, literal "null" on the last', async () => {
    const created = await rest(org, '/jobs/query', {
      method: 'POST',
      body: JSON.stringify({ operation: 'query', query: 'SELECT Id FROM Account' }),
    });
    const job = (await created.json()) as { id: string; state: string };
    expect(job.state).toBe('UploadComplete');
    expect(((await (await rest(org, `/jobs/query/${job.id}`)).json()) as { state: string }).state).toBe('JobComplete');
    let locator: string | null = '';
    let rows = 0;
    let pages = 0;
    while (locator !== 'null') {
      const res: Response = await rest(
        org,
        `/jobs/query/${job.id}/results?maxRecords=1000${locator ? `&locator=${locator}` : ''}`,
      );
      expect(res.headers.get('content-type')).toBe('text/csv');
      const lines = (await res.text()).trim().split('\n');
      expect(lines[0]).toBe('"Id"');
      rows += lines.length - 1;
      expect(Number(res.headers.get('sforce-numberofrecords'))).toBe(lines.length - 1);
      locator = res.headers.get('sforce-locator');
      pages++;
    }
    expect(rows).toBe(org.store.accountCount);
    expect(pages).toBe(Math.ceil(rows / 1000));
  });

  it('A3 an unknown resource is 404 NOT_FOUND in the array shape; no token is 401 INVALID_SESSION_ID', async () => {
    const missing = await rest(org, '/sobjects/Account/001Hp0000zzzzzzAAA');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual([
      { message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' },
    ]);
    const anonymous = await fetch(`${org.url}/services/data/v62.0/limits`);
    expect(anonymous.status).toBe(401);
  });
});
