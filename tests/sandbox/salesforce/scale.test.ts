import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../../../sandbox/salesforce/index.js';
import { connect, rest, startOrg } from './helpers.js';

describe('Salesforce emulator at scale (200,000 accounts)', () => {
  let org: SalesforceEmulator;
  beforeAll(async () => {
    org = await startOrg(200_000);
  });
  afterAll(() => org.close());

  // How fast these answer is measured by `npm run bench:sandbox` (docs/benchmarks.md), not asserted here: a timed
  // assertion fails on a busy machine and proves nothing on an idle one.
  it('paging a 200,000-row query keeps a cursor: a late queryMore page holds the right rows', async () => {
    const conn = connect(org);
    const first = await conn.query('SELECT Id, Name, SystemModstamp FROM Account ORDER BY SystemModstamp DESC');
    expect(first.totalSize).toBe(200_000);
    const locator = (first.nextRecordsUrl as string).replace(/-2000$/, '-196000');
    const late = await conn.queryMore(locator);
    expect(late.records).toHaveLength(2000);
    expect(late.records.at(-1)?.Name).toBe('Account 0002000');
  });

  it('bulk 2.0 serves 200,000 rows as one CSV page', async () => {
    const created = await rest(org, '/jobs/query', {
      method: 'POST',
      body: JSON.stringify({ operation: 'query', query: 'SELECT Id, Name, Website, SystemModstamp FROM Account' }),
    });
    const { id } = (await created.json()) as { id: string };
    await rest(org, `/jobs/query/${id}`);
    const res = await rest(org, `/jobs/query/${id}/results`);
    const csv = await res.text();
    expect(res.headers.get('sforce-numberofrecords')).toBe('200000');
    expect(res.headers.get('sforce-locator')).toBe('null');
    expect(csv.split('\n').length).toBe(200_002);
  });
});
