/**
 * Bulk API 2.0 ingest against the emulator with the real jsforce `conn.bulk2`: every row lands in exactly one result
 * file, validated like sObject Collections; plus the raw wire shapes jsforce hides (job info, result headers,
 * the one-upload rule, limits).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../../../sandbox/salesforce/index.js';
import { connect, rest, startOrg } from './helpers.js';

describe('Salesforce emulator: Bulk API 2.0 ingest with real jsforce', () => {
  let org: SalesforceEmulator;
  beforeAll(async () => {
    org = await startOrg(5, { validationRule: true, bulkProcessAfterMs: 10_000 });
  });
  afterAll(() => org.close());

  const bulk2 = () => {
    const conn = connect(org);
    conn.bulk2.pollInterval = 20;
    return conn.bulk2;
  };

  it('insert: valid rows succeed with sf__Created, invalid rows fail with the Collections rules', async () => {
    const results = await bulk2().loadAndWaitForResults({
      object: 'Account',
      operation: 'insert',
      // A CSV string: from an array jsforce takes the columns from the first record only.
      input: [
        'Name,Website,NumberOfEmployees,Industry',
        'Bulk Valid,bulk.example,12,',
        ',noname.example,,',
        'Bad Industry,,,Not An Industry',
        `${'x'.repeat(256)},,,`,
        'Spaces,has spaces.example,,',
        'Not a number,,many,',
        '',
      ].join('\n'),
    });
    expect(results.successfulResults).toHaveLength(1);
    const ok = results.successfulResults[0] as Record<string, unknown>;
    expect(ok.sf__Created).toBe('true');
    expect(org.store.getAccount(String(ok.sf__Id))?.Website).toBe('bulk.example');
    const errors = results.failedResults.map((r) => String(r.sf__Error).split(':')[0]).sort();
    expect(errors).toEqual([
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      'INVALID_TYPE_ON_FIELD_IN_RECORD',
      'REQUIRED_FIELD_MISSING',
      'STRING_TOO_LONG',
    ]);
    expect(results.unprocessedRecords).toEqual([]);
  });

  it('upsert on the external id creates and then updates; update and delete by Id', async () => {
    const first = await bulk2().loadAndWaitForResults({
      object: 'Account',
      operation: 'upsert',
      externalIdFieldName: 'HubSpot_Company_Id__c',
      input: [{ HubSpot_Company_Id__c: 'hs-1', Name: 'Upserted' }],
    });
    expect(first.successfulResults[0]?.sf__Created).toBe('true');
    const again = await bulk2().loadAndWaitForResults({
      object: 'Account',
      operation: 'upsert',
      externalIdFieldName: 'HubSpot_Company_Id__c',
      input: [{ HubSpot_Company_Id__c: 'hs-1', Name: 'Upserted twice' }],
    });
    const id = String(again.successfulResults[0]?.sf__Id);
    expect(again.successfulResults[0]?.sf__Created).toBe('false');
    expect(id).toBe(first.successfulResults[0]?.sf__Id);
    expect(org.store.getAccount(id)?.Name).toBe('Upserted twice');

    const updated = await bulk2().loadAndWaitForResults({
      object: 'Account',
      operation: 'update',
      input: [{ Id: id, Phone: '555 0100' }],
    });
    expect(updated.successfulResults).toHaveLength(1);
    expect(org.store.getAccount(id)?.Name).toBe('Upserted twice');
    expect(org.store.getAccount(id)?.Phone).toBe('555 0100');

    const deleted = await bulk2().loadAndWaitForResults({
      object: 'Account',
      operation: 'delete',
      input: [{ Id: id }],
    });
    expect(deleted.successfulResults).toHaveLength(1);
    expect(org.store.getAccount(id)?.IsDeleted).toBe(true);
  });

  it('the wire: Open → one upload (201) → UploadComplete → InProgress → JobComplete, result headers, counted limits', async () => {
    const created = await rest(org, '/jobs/ingest', {
      method: 'POST',
      body: JSON.stringify({ object: 'Account', operation: 'insert', lineEnding: 'LF' }),
    });
    const job = (await created.json()) as { id: string; state: string; contentUrl: string };
    expect(job.state).toBe('Open');
    expect(job.contentUrl).toBe(`services/data/v62.0/jobs/ingest/${job.id}/batches`);
    const upload = (body: string) =>
      rest(org, `/jobs/ingest/${job.id}/batches`, { method: 'PUT', body, headers: { 'Content-Type': 'text/csv' } });
    expect((await upload('Name,Description\n"Quoted, Co","two\nlines"\n')).status).toBe(201);
    const second = await upload('Name\nTwice\n');
    expect(second.status).toBe(409);
    const close = await rest(org, `/jobs/ingest/${job.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ state: 'UploadComplete' }),
    });
    expect(((await close.json()) as { state: string }).state).toBe('UploadComplete');
    const poll = async () => (await (await rest(org, `/jobs/ingest/${job.id}`)).json()) as Record<string, unknown>;
    expect((await poll()).state).toBe('InProgress');
    const done = await poll();
    expect(done).toMatchObject({ state: 'JobComplete', numberRecordsProcessed: 1, numberRecordsFailed: 0 });
    const csv = await (await rest(org, `/jobs/ingest/${job.id}/successfulResults`)).text();
    const [header, row] = csv.split('\n');
    expect(header).toBe('"sf__Id","sf__Created","Name","Description"');
    expect(row).toMatch(/^"001\w{15}","true","Quoted, Co","two$/);
    const limits = await connect(org).limits();
    expect((limits.DailyBulkApiBatches as { Remaining: number }).Remaining).toBeLessThan(15000);
  });

  it('an unknown column fails the job; an aborted job lists every row as unprocessed', async () => {
    const conn = connect(org);
    const bad = conn.bulk2.createJob({ object: 'Account', operation: 'insert' });
    await bad.open();
    await bad.uploadData('Name,NoSuchField__c\nA,1\n');
    await bad.close();
    let info = await bad.check();
    while (info.state !== 'Failed') info = await bad.check();
    expect(info.errorMessage).toContain('Field name not found : NoSuchField__c');

    const aborted = conn.bulk2.createJob({ object: 'Account', operation: 'insert' });
    await aborted.open();
    await aborted.uploadData('Name\nOne\nTwo\n');
    await aborted.abort();
    const results = await aborted.getAllResults();
    expect(results.unprocessedRecords).toHaveLength(2);
    expect(results.successfulResults).toEqual([]);
  });
});
