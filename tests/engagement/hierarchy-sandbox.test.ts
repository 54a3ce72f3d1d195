/**
 * The emulators' account hierarchy through the real clients: Salesforce Account.ParentId (describe, SOQL, lookup
 * and loop checks) and HubSpot's parent/child company associations (13/14, one parent, no loops).
 */
import type { Client } from '@hubspot/api-client';
import type { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubSpotEmulator } from '../../sandbox/hubspot/index.js';
import type { SalesforceEmulator } from '../../sandbox/salesforce/index.js';
import { apiError, start as startHubSpot } from '../sandbox/hubspot/helpers.js';
import { connect, failure, startOrg } from '../sandbox/salesforce/helpers.js';
import { CHILD_TO_PARENT, childCompanies, PARENT_TO_CHILD, parentCompany } from './hierarchy-support.js';

describe('Salesforce emulator: Account.ParentId', () => {
  let org: SalesforceEmulator;
  beforeAll(async () => {
    org = await startOrg(3);
  });
  afterAll(() => org.close());

  it('describe lists ParentId as a reference to Account with relationship Parent', async () => {
    const d = await connect(org).sobject('Account').describe();
    const field = d.fields.find((f) => f.name === 'ParentId');
    expect(field).toMatchObject({ type: 'reference', referenceTo: ['Account'], relationshipName: 'Parent' });
  });

  it('writes check the parent: an unknown id and a loop are refused as the org refuses them; SOQL filters on it', async () => {
    const conn = connect(org);
    const top = (await conn.sobject('Account').create({ Name: 'Top' })).id as string;
    const child = (await conn.sobject('Account').create({ Name: 'Child', ParentId: top })).id as string;
    const unknown = await failure(conn.sobject('Account').create({ Name: 'Stray', ParentId: '001000000000999AAA' }));
    expect(unknown.errorCode).toBe('INVALID_CROSS_REFERENCE_KEY');
    const loop = await failure(conn.sobject('Account').update({ Id: top, ParentId: child }));
    expect(loop.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    const self = await failure(conn.sobject('Account').update({ Id: top, ParentId: top }));
    expect(self.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    // Moving the child elsewhere is no loop.
    expect((await conn.sobject('Account').update({ Id: child, ParentId: null })).success).toBe(true);
    expect((await conn.sobject('Account').update({ Id: child, ParentId: top })).success).toBe(true);
    const children = await conn.query<{ Id: string; ParentId: string }>(
      `SELECT Id, ParentId FROM Account WHERE ParentId = '${top}'`,
    );
    expect(children.records.map((r) => r.Id)).toEqual([child]);
  });
});

describe('HubSpot emulator: parent/child company associations', () => {
  let emulator: HubSpotEmulator;
  let client: Client;
  beforeAll(async () => {
    ({ emulator, client } = await startHubSpot());
  });
  afterAll(() => emulator.close());

  const spec = (typeId: number) => [
    { associationCategory: 'HUBSPOT_DEFINED' as AssociationSpecAssociationCategoryEnum, associationTypeId: typeId },
  ];

  it('13 from the parent and 14 from the child name the same pair; reads show each side', async () => {
    await client.crm.associations.v4.basicApi.create('companies', '101', 'companies', '102', spec(PARENT_TO_CHILD));
    expect(await parentCompany(client, '102')).toBe('101');
    expect(await childCompanies(client, '101')).toEqual(['102']);
    const batch = await client.crm.associations.v4.batchApi.getPage('companies', 'companies', {
      inputs: [{ id: '102' }],
    });
    expect(batch.results[0]?.to[0]?.associationTypes[0]?.typeId).toBe(CHILD_TO_PARENT);
  });

  it('a company has one parent, and no company is its own ancestor', async () => {
    const second = await apiError(
      client.crm.associations.v4.basicApi.create('companies', '102', 'companies', '103', spec(CHILD_TO_PARENT)),
    );
    expect(second.code).toBe(400);
    const loop = await apiError(
      client.crm.associations.v4.basicApi.create('companies', '101', 'companies', '102', spec(CHILD_TO_PARENT)),
    );
    expect(loop.code).toBe(400);
    const wrongType = await apiError(
      client.crm.associations.v4.basicApi.create('companies', '103', 'companies', '101', spec(279)),
    );
    expect(wrongType.code).toBe(400);
  });

  it('batch archive removes the pair (twice is harmless); batch create reports errors per input', async () => {
    const archive = { inputs: [{ _from: { id: '102' }, to: [{ id: '101' }] }] };
    await client.crm.associations.v4.batchApi.archive('companies', 'companies', archive);
    await client.crm.associations.v4.batchApi.archive('companies', 'companies', archive);
    expect(await parentCompany(client, '102')).toBeNull();
    const created = await client.crm.associations.v4.batchApi.create('companies', 'companies', {
      inputs: [
        { _from: { id: '102' }, to: { id: '103' }, types: spec(CHILD_TO_PARENT) },
        { _from: { id: '103' }, to: { id: '999' }, types: spec(CHILD_TO_PARENT) },
      ],
    });
    expect(created.results.map((r) => r.fromObjectId)).toEqual(['102']);
    expect((created as { errors?: unknown[] }).errors).toHaveLength(1);
    expect(await parentCompany(client, '102')).toBe('103');
  });
});
