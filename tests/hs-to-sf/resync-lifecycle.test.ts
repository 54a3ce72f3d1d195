import { afterEach, expect, test } from 'vitest';
import { previewStream } from '../../main/engine/hs-to-sf/preview.js';
import { queryLog } from '../../main/engine/log/log-store.js';
import { opsPage } from '../../main/engine/runs/ops-store.js';
import { type Harness, startHarness } from '../support/engine-harness.js';
import { tempDirFactory } from '../support/temp.js';
import { cli, statedR3Settings } from './support.js';
import { accountsForCompany, associate, editContact, newCompany, newContact } from './world.js';

const tempDir = tempDirFactory();
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

test('R5.1 manual resync of a vetoed company creates its account, bypassing R3; a second resync creates none', async () => {
  harness = await startHarness(tempDir());
  const { services, sandbox } = harness;
  services.settings.update({ ...statedR3Settings(), syncCompanies: true });
  await services.handlers.previewCompanies({ limit: 1, refresh: true });
  const vetoed = [...previewStream(services.db, services.settings.get())].find((c) => c.reason === 'VETO_ALL_LEADS');
  expect(vetoed).toBeDefined();
  const id = vetoed?.id as string;

  const summary = await services.engine.resyncCompanies([id]).finished;
  expect(summary.state).toBe('completed');
  const accounts = accountsForCompany(sandbox, id);
  expect(accounts).toHaveLength(1);
  expect(accounts[0]?.Name).toBe(vetoed?.name);
  expect(sandbox.hubspot.store.getCompany(id)?.properties.salesforceaccountid).toBe(accounts[0]?.Id);
  const create = opsPage(services.db, summary.runId, { operation: 'create' })[0];
  expect(create).toMatchObject({ system: 'salesforce', reason: 'MANUAL_RESYNC', state: 'confirmed' });

  // Linked now: a resync pushes and pulls mapped fields instead of creating again.
  const again = await services.engine.resyncCompanies([id]).finished;
  expect(opsPage(services.db, again.runId, { operation: 'create' })).toEqual([]);
  expect(accountsForCompany(sandbox, id)).toHaveLength(1);
});

test('R4.1 a contact stage change rolls the company up to the furthest stage, never backwards, logged', async () => {
  harness = await startHarness(tempDir());
  const { services, sandbox } = harness;
  services.settings.update({ ...statedR3Settings(), syncCompanies: true });
  const company = newCompany(sandbox, 'Stages Inc');
  const lead = newContact(sandbox, { lifecyclestage: 'lead' });
  const subscriber = newContact(sandbox, { lifecyclestage: 'subscriber' });
  associate(sandbox, company, lead);
  associate(sandbox, company, subscriber);
  await services.engine.run({ kind: 'sync', dryRun: false }); // baseline: no back-fill

  editContact(sandbox, subscriber, { lifecyclestage: 'opportunity' });
  const moved = await services.engine.run({ kind: 'sync', dryRun: false });
  expect(moved.state).toBe('completed');
  expect(sandbox.hubspot.store.getCompany(company)?.properties.lifecyclestage).toBe('opportunity');
  const entry = queryLog(services.db, { recordId: company }).find((e) => e.reason === 'LIFECYCLE_ROLLUP');
  expect(entry).toMatchObject({ outcome: 'written', after: { lifecyclestage: 'opportunity' } });

  // Never backwards: the furthest contact goes back to lead, the company stays.
  editContact(sandbox, subscriber, { lifecyclestage: 'lead' });
  const back = await services.engine.run({ kind: 'sync', dryRun: false });
  expect(opsPage(services.db, back.runId).filter((op) => op.reason === 'LIFECYCLE_ROLLUP')).toEqual([]);
  expect(sandbox.hubspot.store.getCompany(company)?.properties.lifecyclestage).toBe('opportunity');
});

test('R5.1 sfhs resync --company ID of an unlinked company creates its account', async () => {
  harness = await startHarness(tempDir());
  const { services, sandbox } = harness;
  services.settings.update({ ...statedR3Settings(), syncCompanies: true });
  const id = newCompany(sandbox, 'From The CLI');
  const { code, out } = await cli('resync', '--company', id, '--json', '--data-dir', harness.dataDir);
  expect(code).toBe(0);
  expect(JSON.parse(out)).toMatchObject({ companyIds: [id], runs: [{ state: 'completed' }] });
  expect(accountsForCompany(sandbox, id)).toHaveLength(1);
});
