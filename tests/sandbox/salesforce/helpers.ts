/** Shared setup for the emulator tests: seed data, a started emulator, and a real jsforce Connection to it. */
import { Connection } from 'jsforce';
import type { SalesforceData, SfAccount, SfUser } from '../../../sandbox/model.js';
import { IdGenerator, KEY_PREFIX } from '../../../sandbox/salesforce/ids.js';
import {
  type SalesforceEmulator,
  type SalesforceEmulatorOptions,
  startSalesforceEmulator,
} from '../../../sandbox/salesforce/index.js';

export const API_VERSION = '62.0';

export function seedData(accountCount: number, start = Date.parse('2026-01-01T00:00:00.000Z')): SalesforceData {
  const users: SfUser[] = [
    {
      Id: new IdGenerator(KEY_PREFIX.User).next(),
      Username: 'integration@acme.example',
      Name: 'Integration User',
      FirstName: 'Integration',
      LastName: 'User',
      Email: 'integration@acme.example',
      IsActive: true,
    },
  ];
  const owner = (users[0] as SfUser).Id;
  const ids = new IdGenerator(KEY_PREFIX.Account);
  const accounts: SfAccount[] = [];
  for (let i = 0; i < accountCount; i++) {
    const stamp = new Date(start + i * 1000).toISOString();
    accounts.push({
      Id: ids.next(),
      Name: `Account ${String(i).padStart(7, '0')}`,
      Website: `https://a${i}.example`,
      Phone: null,
      BillingCity: i % 2 === 0 ? 'Stockholm' : 'Oslo',
      BillingState: null,
      BillingCountry: null,
      Industry: i % 3 === 0 ? 'Technology' : null,
      NumberOfEmployees: i,
      AnnualRevenue: null,
      Description: null,
      OwnerId: owner,
      HubSpot_Company_Id__c: null,
      MasterRecordId: null,
      IsDeleted: false,
      CreatedDate: stamp,
      LastModifiedDate: stamp,
      SystemModstamp: stamp,
      CreatedById: owner,
      LastModifiedById: owner,
    });
  }
  return { accounts, contacts: [], leads: [], users };
}

export async function startOrg(accountCount = 0, options: SalesforceEmulatorOptions = {}): Promise<SalesforceEmulator> {
  return startSalesforceEmulator({ data: seedData(accountCount), ...options });
}

export function connect(org: SalesforceEmulator, accessToken = org.accessToken): Connection {
  return new Connection({ instanceUrl: org.url, accessToken, version: API_VERSION });
}

/** A raw REST call, for headers and shapes jsforce hides. */
export async function rest(org: SalesforceEmulator, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json', ...init.headers };
  return fetch(`${org.url}/services/data/v${API_VERSION}${path}`, { ...init, headers });
}

/** Runs a promise that must reject and returns the error, for asserting errorCode and name. */
export async function failure(promise: PromiseLike<unknown>): Promise<Error & { errorCode?: string; data?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { errorCode?: string };
  }
  throw new Error('expected the call to fail');
}
