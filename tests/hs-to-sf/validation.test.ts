import { afterEach, expect, test } from 'vitest';
import { createServices, type Services } from '../../main/app/services.js';
import { retryEntries } from '../../main/engine/execute/retry-queue.js';
import { queryLog } from '../../main/engine/log/log-store.js';
import { opsPage } from '../../main/engine/runs/ops-store.js';
import { loadMappings, saveMappings } from '../../main/engine/state/mappings-store.js';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';
import { type SalesforceEmulator, startSalesforceEmulator } from '../../sandbox/salesforce/index.js';
import { generateSandboxData } from '../../sandbox/seed/index.js';
import { tempDirFactory } from '../support/temp.js';
import { statedR3Settings } from './support.js';
import { accountsForCompany, associate, editHsCompany, newCompany, newContact } from './world.js';

const tempDir = tempDirFactory();
const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

/** The sandbox's HubSpot with a Salesforce org whose "Website must not contain spaces" validation rule is on. */
async function startWithValidationRule(): Promise<{ sandbox: Sandbox; org: SalesforceEmulator; services: Services }> {
  const sandbox = await startSandbox({ accounts: 50, seed: 7, hsLimit: 'off' });
  open.push(sandbox);
  const org = await startSalesforceEmulator({
    data: generateSandboxData({ accounts: 50, seed: 7 }).data.salesforce,
    validationRule: true,
  });
  open.push(org);
  const services = createServices({ dataDir: tempDir(), runtime: 'cli', version: '0.0.0-test' });
  open.push({ close: () => services.close() });
  await services.connections.connectSalesforce({ instanceUrl: org.url, accessToken: org.accessToken });
  await services.connections.connectHubSpot({
    baseUrl: sandbox.info().hubspot.url,
    accessToken: sandbox.info().hubspot.accessToken,
    kind: 'privateApp',
  });
  return { sandbox, org, services };
}

test('R9.2 an SF validation rule rejecting the new account: CUSTOM_CODE with the company id; the rest goes on', async () => {
  const { sandbox, services } = await startWithValidationRule();
  services.settings.update({ ...statedR3Settings(), syncCompanies: true });
  // Website from a free-text property (not the domain normaliser), so a value with a space reaches Salesforce.
  saveMappings(
    services.db,
    loadMappings(services.db)
      .filter((m) => m.sfField !== 'Description')
      .map((m) => (m.sfField === 'Website' ? { ...m, hsProperty: 'description', rule: 'TWO_WAY' } : m)),
  );
  const rejected = newCompany(sandbox, 'Spaced Out');
  associate(sandbox, rejected, newContact(sandbox, {}, true));
  editHsCompany(sandbox, rejected, { description: 'www.spaced out.example' });
  const accepted = newCompany(sandbox, 'Fine Co');
  associate(sandbox, accepted, newContact(sandbox, {}, true));

  const summary = await services.engine.resyncCompanies([rejected, accepted]).finished;
  expect(summary.counts.failed).toBe(1);
  const failed = opsPage(services.db, summary.runId, { state: 'failed' })[0];
  expect(failed).toMatchObject({ hsCompanyId: rejected, errorCategory: 'CUSTOM_CODE' });
  expect(failed?.errorMessage).toContain('FIELD_CUSTOM_VALIDATION_EXCEPTION');
  expect(queryLog(services.db, { recordId: rejected, outcome: 'failed' })[0]).toMatchObject({
    category: 'CUSTOM_CODE',
    hsCompanyId: rejected,
  });
  expect(retryEntries(services.db)).toEqual([expect.objectContaining({ recordId: rejected, category: 'CUSTOM_CODE' })]);
  expect(accountsForCompany(sandbox, rejected)).toHaveLength(0);
  expect(sandbox.hubspot.store.getCompany(accepted)?.properties.salesforceaccountid).toBeTruthy();
});
