/**
 * What other Salesforce clients (the official CLI first) ask of an org beyond what jsforce does: `//` paths from an
 * instance URL kept with a trailing slash, the Organization row, column metadata for a query, and the org's error
 * shape for every failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, Router } from '../../../sandbox/http/router.js';
import { unexpectedError } from '../../../sandbox/salesforce/errors.js';
import type { SalesforceEmulator } from '../../../sandbox/salesforce/index.js';
import { API_VERSION, connect, startOrg } from './helpers.js';

describe('Salesforce emulator: the surface other clients use', () => {
  let org: SalesforceEmulator;
  beforeAll(async () => {
    org = await startOrg(3);
  });
  afterAll(() => org.close());

  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${org.url}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json' },
    });

  it('a path with // answers as with /: versions resource, create and update', async () => {
    const resources = (await (await call(`//services/data/v${API_VERSION}`)).json()) as Record<string, string>;
    expect(resources.sobjects).toBe(`/services/data/v${API_VERSION}/sobjects`);
    const created = await call(`//services/data/v${API_VERSION}/sobjects/Account`, {
      method: 'POST',
      body: JSON.stringify({ Name: 'Slashes' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const patched = await call(`//services/data/v${API_VERSION}//sobjects/Account/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ Phone: '555' }),
    });
    expect(patched.status).toBe(204);
    expect(org.store.getAccount(id)?.Phone).toBe('555');
  });

  it('the Organization row answers the CLI query and describe', async () => {
    const conn = connect(org);
    const result = await conn.query<Record<string, unknown>>(
      'SELECT Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix, OrganizationType FROM Organization',
    );
    expect(result.records[0]).toMatchObject({
      IsSandbox: false,
      NamespacePrefix: null,
      OrganizationType: 'Developer Edition',
    });
    const describe = await conn.sobject('Organization').describe();
    expect(describe.fields.map((f) => f.name)).toContain('InstanceName');
  });

  it('columns=true answers column metadata, not rows', async () => {
    const q = encodeURIComponent('SELECT Id, Name, NumberOfEmployees FROM Account WHERE Name != null ORDER BY Name');
    const body = (await (await call(`/services/data/v${API_VERSION}/query?q=${q}&columns=true`)).json()) as {
      columnMetadata: { columnName: string; apexType: string; joinColumns: unknown[] }[];
      entityName: string;
      idSelected: boolean;
    };
    expect(body.entityName).toBe('Account');
    expect(body.idSelected).toBe(true);
    expect(body.columnMetadata.map((c) => [c.columnName, c.apexType])).toEqual([
      ['Id', 'Id'],
      ['Name', 'String'],
      ['NumberOfEmployees', 'Integer'],
    ]);
  });

  it('a handler that throws answers 500 in the org error shape without the exception text', async () => {
    const router = new Router();
    router.failure = unexpectedError;
    router.on('GET', '/boom', () => {
      throw new Error('secret internals');
    });
    const server = await listen(router);
    const stderr = process.stderr.write;
    process.stderr.write = () => true;
    try {
      const res = await fetch(`${server.url}//boom`);
      const body = (await res.json()) as { message: string; errorCode: string }[];
      expect(res.status).toBe(500);
      expect(body[0]?.errorCode).toBe('UNKNOWN_EXCEPTION');
      expect(body[0]?.message).toMatch(/ErrorId/);
      expect(JSON.stringify(body)).not.toContain('secret internals');
    } finally {
      process.stderr.write = stderr;
      await server.close();
    }
  });
});
