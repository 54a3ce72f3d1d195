/**
 * Reads both systems through their wire APIs with the real clients (jsforce, @hubspot/api-client), so the
 * apply-mapping tests check what Salesforce and HubSpot answer, not the emulators' memory or our own cache.
 */
import { Client } from '@hubspot/api-client';
import { Connection } from 'jsforce';
import type { Sandbox } from '../../sandbox/index.js';

export const COMPANY_PROPERTIES = [
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
  'hubspot_owner_id',
  'salesforceaccountid',
];
export const ACCOUNT_FIELDS = [
  'Id',
  'Name',
  'Website',
  'Phone',
  'BillingCity',
  'BillingState',
  'BillingCountry',
  'Industry',
  'NumberOfEmployees',
  'AnnualRevenue',
  'Description',
  'OwnerId',
];

export type WireRecords = Map<string, Record<string, string | null>>;

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** Every live company with the mapped properties, by id, as HubSpot's list API pages them. */
export async function wireCompanies(sandbox: Sandbox): Promise<WireRecords> {
  const { url, accessToken } = sandbox.info().hubspot;
  const client = new Client({ accessToken, basePath: url });
  const all = await client.crm.companies.getAll(100, undefined, COMPANY_PROPERTIES);
  return new Map(all.map((c) => [c.id, Object.fromEntries(COMPANY_PROPERTIES.map((p) => [p, text(c.properties[p])]))]));
}

/** Every live account with the mapped fields, by 18-character id, as a SOQL query answers. */
export async function wireAccounts(sandbox: Sandbox): Promise<WireRecords> {
  const { url, accessToken } = sandbox.info().salesforce;
  const conn = new Connection({ instanceUrl: url, accessToken, version: '62.0' });
  const result = await conn.query<Record<string, unknown>>(`SELECT ${ACCOUNT_FIELDS.join(', ')} FROM Account`, {
    autoFetch: true,
    maxFetch: 1_000_000,
  });
  return new Map(
    result.records.map((r) => [String(r.Id), Object.fromEntries(ACCOUNT_FIELDS.map((f) => [f, text(r[f])]))]),
  );
}

/** Fields whose value differs between two reads of the same records, as `id.field` (records in both only). */
export function changedFields(before: WireRecords, after: WireRecords): string[] {
  const out: string[] = [];
  for (const [id, was] of before) {
    const now = after.get(id);
    if (!now) continue;
    for (const [field, value] of Object.entries(was)) if (now[field] !== value) out.push(`${id}.${field}`);
  }
  return out;
}
