import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../../../sandbox/salesforce/index.js';
import { connect, failure, rest, startOrg } from './helpers.js';

describe('Salesforce emulator: SOQL query over REST with real jsforce', () => {
  let org: SalesforceEmulator;
  beforeAll(async () => {
    org = await startOrg(4500);
  });
  afterAll(() => org.close());

  it('A4 first page is 2,000 records with done:false and a nextRecordsUrl locator', async () => {
    const result = await connect(org).query('SELECT Id, Name FROM Account');
    expect(result.totalSize).toBe(4500);
    expect(result.done).toBe(false);
    expect(result.records).toHaveLength(2000);
    expect(result.nextRecordsUrl).toMatch(/\/services\/data\/v62\.0\/query\/01g\w+-2000$/);
    expect(result.records[0]).toMatchObject({ attributes: { type: 'Account' }, Name: 'Account 0000000' });
  });

  it('A4 queryMore follows the locator to the last page (done:true, no nextRecordsUrl)', async () => {
    const conn = connect(org);
    const first = await conn.query('SELECT Id FROM Account');
    const second = await conn.queryMore(first.nextRecordsUrl as string);
    const third = await conn.queryMore(second.nextRecordsUrl as string);
    expect(second.records).toHaveLength(2000);
    expect(third.records).toHaveLength(500);
    expect(third.done).toBe(true);
    expect(third.nextRecordsUrl).toBeUndefined();
    const ids = new Set([...first.records, ...second.records, ...third.records].map((r) => r.Id));
    expect(ids.size).toBe(4500);
  });

  it('A4 autoFetch collects every record across locators', async () => {
    const records = await connect(org).query('SELECT Id FROM Account').run({ autoFetch: true, maxFetch: 10_000 });
    expect(records.records).toHaveLength(4500);
  });

  it('A4 Sforce-Query-Options batchSize=500 sets the page size; values below 200 are clamped to 200', async () => {
    const page = await rest(org, '/query?q=SELECT+Id+FROM+Account', {
      headers: { 'Sforce-Query-Options': 'batchSize=500' },
    });
    const body = (await page.json()) as { records: unknown[]; nextRecordsUrl: string };
    expect(body.records).toHaveLength(500);
    expect(body.nextRecordsUrl).toMatch(/-500$/);
    const small = await rest(org, '/query?q=SELECT+Id+FROM+Account', {
      headers: { 'Sforce-Query-Options': 'batchSize=10' },
    });
    expect(((await small.json()) as { records: unknown[] }).records).toHaveLength(200);
  });

  it('A4 WHERE with datetime literal, AND/OR in parentheses, IN, LIKE, ORDER BY DESC and LIMIT', async () => {
    const soql =
      "SELECT Id, Name, NumberOfEmployees FROM Account WHERE SystemModstamp >= 2026-01-01T01:00:00Z AND (BillingCity = 'stockholm' OR Industry IN ('Technology')) AND Name LIKE 'Account 00036%' ORDER BY NumberOfEmployees DESC LIMIT 3";
    const result = await connect(org).query(soql);
    expect(result.records.map((r) => r.NumberOfEmployees)).toEqual([3699, 3698, 3696]);
  });

  it('A4 SELECT COUNT() answers totalSize with no records', async () => {
    const result = await connect(org).query("SELECT COUNT() FROM Account WHERE BillingCity = 'Oslo'");
    expect(result.totalSize).toBe(2250);
    expect(result.records).toEqual([]);
  });

  it('A4 a syntax error is 400 MALFORMED_QUERY with the column of the bad token', async () => {
    const error = await failure(connect(org).query('SELECT Id FROM Account WHERE'));
    expect(error.name).toBe('MALFORMED_QUERY');
    expect(error.message).toContain('ERROR at Row:1:Column:29');
  });

  it('A4 mixing AND and OR without parentheses is MALFORMED_QUERY, as on a real org', async () => {
    const error = await failure(
      connect(org).query("SELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'"),
    );
    expect(error.name).toBe('MALFORMED_QUERY');
  });

  it('A4 an unknown field is INVALID_FIELD and a quoted datetime is INVALID_FIELD', async () => {
    expect((await failure(connect(org).query('SELECT Foo__c FROM Account'))).name).toBe('INVALID_FIELD');
    const quoted = await failure(connect(org).query("SELECT Id FROM Account WHERE CreatedDate > '2026-01-01'"));
    expect(quoted.name).toBe('INVALID_FIELD');
    expect(quoted.message).toContain('must be of type dateTime');
  });

  it('A4 an unknown object is INVALID_TYPE', async () => {
    expect((await failure(connect(org).query('SELECT Id FROM Opportunity'))).name).toBe('INVALID_TYPE');
  });

  it('A4 Id = accepts a 15-char id and queryAll sees deleted rows that query hides', async () => {
    const conn = connect(org);
    const [first] = (await conn.query('SELECT Id FROM Account ORDER BY Id LIMIT 1')).records;
    const id = first?.Id as string;
    await conn.sobject('Account').destroy(id);
    expect((await conn.query(`SELECT Id FROM Account WHERE Id = '${id.slice(0, 15)}'`)).totalSize).toBe(0);
    const all = await conn.query(`SELECT Id, IsDeleted FROM Account WHERE Id = '${id.slice(0, 15)}'`, {
      scanAll: true,
    });
    expect(all.records).toEqual([expect.objectContaining({ Id: id, IsDeleted: true })]);
  });
});
