/**
 * Why Bulk 2.0 results come in one page unless the client asks for `maxRecords` (routes/bulk2.ts): the installed
 * jsforce cannot read a second page through `bulk2.query`. Should a jsforce upgrade fix that, the first test fails
 * and the emulator can page by default as Salesforce does.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../../../sandbox/salesforce/index.js';
import { startOrg } from './helpers.js';

const CHILD = fileURLToPath(new URL('./support/bulk2-query-child.ts', import.meta.url));
const SOQL = 'SELECT Id, Name FROM Account';

/** jsforce in its own process: exit code, output, and whether it had to be killed for hanging. */
function jsforceBulkQuery(org: SalesforceEmulator): Promise<{ code: number | null; out: string; hung: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, org.url, org.accessToken, SOQL], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, hung });
    });
  });
}

describe('Bulk API 2.0 results paging and jsforce 3.10.16', () => {
  let org: SalesforceEmulator | undefined;
  afterEach(() => org?.close());

  it('jsforce bulk2.query fails on a second results page (ERR_STREAM_WRITE_AFTER_END, jsforce#1546)', async () => {
    org = await startOrg(12, { bulkResultPage: 5 });
    const result = await jsforceBulkQuery(org);
    expect(result.out).not.toContain('"records":12');
    expect(result.hung || result.code !== 0).toBe(true);
    expect(result.out).toMatch(/ERR_STREAM_WRITE_AFTER_END|write after end/);
  }, 30_000);

  it('with the default single page, the same jsforce call reads every row', async () => {
    org = await startOrg(12);
    const result = await jsforceBulkQuery(org);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out.trim())).toEqual({ records: 12 });
  }, 30_000);
});
