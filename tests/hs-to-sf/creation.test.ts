import { afterEach, expect, test } from 'vitest';
import { previewStream } from '../../main/engine/hs-to-sf/preview.js';
import { opsPage } from '../../main/engine/runs/ops-store.js';
import { queryLog } from '../../main/engine/log/log-store.js';
import { type Harness, startHarness } from '../support/engine-harness.js';
import { tempDirFactory } from '../support/temp.js';
import { statedR3Settings } from './support.js';
import { accountsForCompany, associate, newCompany, newContact, privateContact } from './world.js';

const tempDir = tempDirFactory();
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const sync = (h: Harness) => h.services.engine.run({ kind: 'sync', dryRun: false });
const ops = (h: Harness, runId: string) => opsPage(h.services.db, runId, { limit: 1000 });
const accountCreates = (h: Harness, runId: string) =>
  ops(h, runId).filter((op) => op.system === 'salesforce' && op.operation === 'create');

test('R3 switch on: a sync cycle creates exactly the qualifying accounts and links them; the next cycle creates none', async () => {
  harness = await startHarness(tempDir());
  const { services, sandbox } = harness;
  services.settings.update({ ...statedR3Settings(), syncCompanies: true });
  const first = await sync(harness);
  expect(first.state).toBe('completed');
  // R1.3 turning the switch on does not back-fill: existing companies are only seen.
  expect(accountCreates(harness, first.runId)).toEqual([]);

  const autoCreated = newCompany(sandbox, 'Auto Q', { autoCreated: true });
  associate(sandbox, autoCreated, newContact(sandbox, {}, true));
  const withPrivate = newCompany(sandbox, 'Private Q');
  associate(sandbox, withPrivate, privateContact(sandbox));
  associate(sandbox, withPrivate, newContact(sandbox, {}, true));
  const inList = newCompany(sandbox, 'List Q');
  associate(sandbox, inList, newContact(sandbox, {}, true));
  const noContacts = newCompany(sandbox, 'Nobody');
  const notInList = newCompany(sandbox, 'Outside');
  associate(sandbox, notInList, privateContact(sandbox));
  // An existing company whose associations change is evaluated too (R3).
  const existing = [...previewStream(services.db, services.settings.get())].find((c) => c.reason === 'VETO_NO_CONTACTS')
    ?.id as string;
  associate(sandbox, existing, newContact(sandbox, {}, true));

  const second = await sync(harness);
  expect(second.state).toBe('completed');
  const created = accountCreates(harness, second.runId);
  expect(Object.fromEntries(created.map((op) => [op.hsCompanyId, op.reason]))).toEqual({
    [autoCreated]: 'CREATE_AUTO_ASSOCIATED',
    [withPrivate]: 'CREATE_PRIVATE_CONTACT',
    [inList]: 'CREATE_INCLUSION_LIST',
    [existing]: 'CREATE_INCLUSION_LIST',
  });
  for (const op of created) {
    expect(op.state).toBe('confirmed');
    const accounts = accountsForCompany(sandbox, op.hsCompanyId as string);
    expect(accounts).toHaveLength(1);
    // R0.1 the link is written back into the company, in the same run, as its own op.
    expect(sandbox.hubspot.store.getCompany(op.hsCompanyId as string)?.properties.salesforceaccountid).toBe(
      accounts[0]?.Id,
    );
    // R9.1 the log entry of the create names the account it made, not only the company it came from.
    const logged = queryLog(services.db, { runId: second.runId, recordId: op.hsCompanyId as string });
    expect(logged.find((e) => e.operation === 'create' && e.direction === 'hs_to_sf')).toMatchObject({
      outcome: 'written',
      sfAccountId: accounts[0]?.Id,
    });
  }
  const skips = ops(harness, second.runId).filter((op) => op.system === 'salesforce' && op.operation === 'skip');
  expect(Object.fromEntries(skips.map((op) => [op.hsCompanyId, op.reason]))).toMatchObject({
    [noContacts]: 'VETO_NO_CONTACTS',
    [notInList]: 'VETO_NOT_IN_INCLUSION_LIST',
  });
  // R9.1 decisions not to write are logged with their reason.
  expect(queryLog(services.db, { recordId: notInList })[0]).toMatchObject({ reason: 'VETO_NOT_IN_INCLUSION_LIST' });

  const third = await sync(harness);
  expect(accountCreates(harness, third.runId)).toEqual([]);
  for (const id of [autoCreated, withPrivate, inList, existing])
    expect(accountsForCompany(sandbox, id)).toHaveLength(1);
});
