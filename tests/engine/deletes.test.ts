/** R10 accounts deleted or merged in Salesforce: what happens to their companies and links. */
import { afterEach, expect, test } from 'vitest';
import { queryLog } from '../../main/engine/log/log-store.js';
import { linkForAccount, linkForCompany } from '../../main/engine/state/links.js';
import type { Harness } from '../support/engine-harness.js';
import {
  accountWrites,
  allOps,
  companyProperty,
  createdPair,
  importAll,
  startSyncHarness,
  syncNow,
} from '../support/sync-world.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();
/**
 * getDeleted answers whole minutes only (end truncated, as Salesforce does): the sandbox's clock runs two minutes
 * behind so a deletion made now lies inside the window the next sync asks for.
 */
const sandboxClock = { now: () => new Date(Date.now() - 120_000) };
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function deleteImportedAccount(archiveCompanyOnAccountDelete: boolean) {
  harness = await startSyncHarness(tempDir(), { archiveCompanyOnAccountDelete }, sandboxClock);
  const run = await importAll(harness);
  const pair = createdPair(harness, run.runId);
  harness.sandbox.salesforce.store.delete('Account', pair.accountId);
  const sync = await syncNow(harness);
  expect(sync.state).toBe('completed');
  const logged = queryLog(harness.services.db, { runId: sync.runId, recordId: pair.accountId });
  return { ...pair, sync, logged, db: harness.services.db, hs: harness.sandbox.hubspot.store };
}

test('R10.1 an account deleted in SF clears the link (also in HubSpot) and keeps the company', async () => {
  const { accountId, companyId, logged, db, hs } = await deleteImportedAccount(false);
  expect(hs.getCompany(companyId)).toBeDefined();
  expect(companyProperty(harness!.sandbox, companyId, 'salesforceaccountid')).toBeNull();
  expect(linkForAccount(db, accountId)).toBeNull();
  expect(logged).toContainEqual(
    expect.objectContaining({ reason: 'ACCOUNT_DELETED_CLEAR_LINK', outcome: 'written', hsCompanyId: companyId }),
  );
  // Nothing is left to do for the deleted account at the next sync.
  const next = await syncNow(harness!);
  expect(accountWrites(db, next.runId, accountId)).toEqual([]);
});

test('R10.1 with archiveCompanyOnAccountDelete the company is archived', async () => {
  const { accountId, companyId, logged, db, hs } = await deleteImportedAccount(true);
  expect(hs.getCompany(companyId)).toBeUndefined();
  expect(hs.tables.companies.getArchived(companyId)).toBeDefined();
  expect(linkForAccount(db, accountId)).toBeNull();
  expect(logged).toContainEqual(
    expect.objectContaining({ reason: 'ACCOUNT_DELETED_ARCHIVE_COMPANY', outcome: 'written' }),
  );
});

test('R10.2 merged accounts: the survivor keeps its link, the merged-away company is held as a duplicate', async () => {
  harness = await startSyncHarness(tempDir(), {}, sandboxClock);
  const run = await importAll(harness);
  const sf = harness.sandbox.salesforce.store;
  const withContacts = new Set([...sf.rows('Contact')].filter((c) => !c.IsDeleted).map((c) => c.AccountId));
  const merged = createdPair(harness, run.runId, (a) => withContacts.has(a.Id));
  const master = createdPair(harness, run.runId, (a) => a.Id !== merged.accountId);
  sf.mergeAccounts(master.accountId, merged.accountId);
  const sync = await syncNow(harness);
  const { db } = harness.services;
  expect(linkForCompany(db, master.companyId)).toBe(master.accountId);
  expect(harness.sandbox.hubspot.store.getCompany(merged.companyId)).toBeDefined();
  const holds = allOps(db, sync.runId, 'hold').filter((op) => op.sfAccountId === merged.accountId);
  expect(holds).toHaveLength(1);
  expect(holds[0]?.reason).toBe('MERGED_ACCOUNT_DUPLICATE');
  expect(JSON.parse(holds[0]?.detail ?? '{}')).toMatchObject({
    masterRecordId: master.accountId,
    candidates: [master.companyId, merged.companyId],
  });
  expect(queryLog(db, { runId: sync.runId, recordId: merged.accountId })).toContainEqual(
    expect.objectContaining({ outcome: 'held', category: 'DUPLICATES', reason: 'MERGED_ACCOUNT_DUPLICATE' }),
  );
});

test('R10.1 a deletion made just before a sync is seen by that sync, not the next (getDeleted answers whole minutes)', async () => {
  harness = await startSyncHarness(tempDir(), { archiveCompanyOnAccountDelete: false });
  const run = await importAll(harness);
  const { accountId, companyId } = createdPair(harness, run.runId);
  harness.sandbox.salesforce.store.delete('Account', accountId);
  const sync = await syncNow(harness);
  expect(linkForAccount(harness.services.db, accountId)).toBeNull();
  expect(queryLog(harness.services.db, { runId: sync.runId, recordId: accountId })).toContainEqual(
    expect.objectContaining({ reason: 'ACCOUNT_DELETED_CLEAR_LINK', outcome: 'written', hsCompanyId: companyId }),
  );
});
