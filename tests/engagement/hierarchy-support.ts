/**
 * The account hierarchy as a person sets it: accounts and their ParentId through the real jsforce, parent companies
 * through the real @hubspot/api-client (Associations v4, 14 from child to parent); read back the same way.
 */
import { Client } from '@hubspot/api-client';
import type { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4/index.js';
import { Connection } from 'jsforce';
import type { Database } from 'better-sqlite3';
import type { Sandbox } from '../../sandbox/index.js';

export const CHILD_TO_PARENT = 14;
export const PARENT_TO_CHILD = 13;

export const salesforce = (sandbox: Sandbox) =>
  new Connection({
    instanceUrl: sandbox.info().salesforce.url,
    accessToken: sandbox.info().salesforce.accessToken,
    version: '62.0',
  });

export const hubspot = (sandbox: Sandbox) =>
  new Client({ accessToken: sandbox.info().hubspot.accessToken, basePath: sandbox.info().hubspot.url });

/** Creates an account (under a parent when given); its 18-char id. */
export async function createAccount(conn: Connection, name: string, parentId?: string): Promise<string> {
  const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-hierarchy.example`;
  const result = await conn
    .sobject('Account')
    .create({ Name: name, Website: `https://${domain}`, ...(parentId ? { ParentId: parentId } : {}) });
  if (!result.success) throw new Error(`account ${name} not created: ${JSON.stringify(result.errors)}`);
  return (await conn.sobject('Account').retrieve(result.id)).Id as string;
}

export async function setParentAccount(conn: Connection, id: string, parentId: string | null): Promise<void> {
  const result = await conn.sobject('Account').update({ Id: id, ParentId: parentId });
  if (!result.success) throw new Error(`ParentId not set: ${JSON.stringify(result.errors)}`);
}

/** The parent company of a company as HubSpot answers it (type 14), null when none. */
export async function parentCompany(client: Client, companyId: string): Promise<string | null> {
  const page = await client.crm.associations.v4.basicApi.getPage('companies', companyId, 'companies');
  const parent = page.results.find((r) => r.associationTypes.some((t) => t.typeId === CHILD_TO_PARENT));
  return parent ? String(parent.toObjectId) : null;
}

export async function childCompanies(client: Client, companyId: string): Promise<string[]> {
  const page = await client.crm.associations.v4.basicApi.getPage('companies', companyId, 'companies');
  return page.results
    .filter((r) => r.associationTypes.some((t) => t.typeId === PARENT_TO_CHILD))
    .map((r) => String(r.toObjectId));
}

export async function setParentCompany(client: Client, childId: string, parentId: string): Promise<void> {
  await client.crm.associations.v4.basicApi.create('companies', childId, 'companies', parentId, [
    {
      associationCategory: 'HUBSPOT_DEFINED' as AssociationSpecAssociationCategoryEnum,
      associationTypeId: CHILD_TO_PARENT,
    },
  ]);
}

export const companyOfAccount = (db: Database, accountId: string): string =>
  db.prepare('SELECT hs_company_id FROM links WHERE sf_account_id = ?').pluck().get(accountId) as string;

export interface LogRow {
  operation: string;
  reason: string | null;
  outcome: string;
  category: string | null;
  message: string | null;
  sf_account_id: string | null;
  before: string | null;
  after: string | null;
}

export const logOfRun = (db: Database, runId: string): LogRow[] =>
  db.prepare('SELECT * FROM log WHERE run_id = ? ORDER BY id').all(runId) as LogRow[];
