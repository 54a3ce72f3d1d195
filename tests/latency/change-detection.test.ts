/**
 * R2.4 cheap change detection: an idle sync cycle costs one HubSpot search per object and no describe reads, while
 * every edit — including one HubSpot indexes late, with a stamp older than the newest seen — is still synced.
 */
import { expect, test } from 'vitest';
import { updateObject } from '../../sandbox/hubspot/writes.js';
import { type Harness, harnessPerTest } from '../support/engine-harness.js';
import {
  accountField,
  companyProperty,
  editAccount,
  editCompany,
  importAll,
  linkedPairs,
  syncNow,
} from '../support/sync-world.js';

const newHarness = harnessPerTest();

/** An imported world whose loop is idle, and two of its linked pairs. */
async function idleWorld() {
  const h = await newHarness({ accounts: 60, seed: 5 });
  h.services.settings.update({ syncCompanies: true });
  await importAll(h);
  // The first sync reads back what the import wrote; from the second on, nothing has changed.
  for (let i = 0; i < 2; i++) expect((await syncNow(h)).state).toBe('completed');
  const [a, b] = linkedPairs(h.services.db);
  if (!a || !b) throw new Error('the import linked too few pairs');
  return { h, a, b };
}

async function callsOfOneSync(h: Harness): Promise<{ hubspot: number; salesforce: number }> {
  const hs0 = h.sandbox.hubspot.callCounts().total;
  const sf0 = h.sandbox.salesforce.usage().used;
  const summary = await syncNow(h);
  expect(summary.state).toBe('completed');
  return { hubspot: h.sandbox.hubspot.callCounts().total - hs0, salesforce: h.sandbox.salesforce.usage().used - sf0 };
}

test('R2.4 an idle sync cycle costs one HubSpot search per object (companies, contacts) and no describe', async () => {
  const { h } = await idleWorld();
  const calls = await callsOfOneSync(h);
  expect(calls.hubspot).toBe(2);
  // Accounts, deletions (getDeleted and the current minute), contacts, leads: no describe, no users.
  expect(calls.salesforce).toBeLessThanOrEqual(5);
});

test('R2.4 after idle cycles, an edit on either side is synced by the next cycle', async () => {
  const { h, a, b } = await idleWorld();
  editCompany(h.sandbox, a.companyId, { name: 'Renamed In HubSpot' });
  editAccount(h.sandbox, b.accountId, { Description: 'Changed in Salesforce' });
  const calls = await callsOfOneSync(h);
  expect(accountField(h.sandbox, a.accountId, 'Name')).toBe('Renamed In HubSpot');
  expect(companyProperty(h.sandbox, b.companyId, 'description')).toBe('Changed in Salesforce');
  expect(calls.hubspot).toBeGreaterThan(2);
});

test('R2.4 a company edit indexed late, stamped before the newest stamp seen, is still found in the overlap', async () => {
  const { h, a, b } = await idleWorld();
  // A newer edit is read first…
  editCompany(h.sandbox, b.companyId, { name: 'Newer Edit' });
  expect((await syncNow(h)).state).toBe('completed');
  // …then one made a minute earlier becomes visible: its stamp is older than the cursor, inside the overlap.
  const company = h.sandbox.hubspot.store.getCompany(a.companyId);
  if (!company) throw new Error('no company');
  const earlier = new Date(Date.now() - 60_000);
  const outcome = updateObject(h.sandbox.hubspot.store, 'companies', company, { name: 'Late Edit' }, earlier, {
    sourceType: 'CRM_UI',
    sourceId: 'person@example.com',
  });
  if (!outcome.ok) throw new Error(outcome.failure.message);
  expect((await syncNow(h)).state).toBe('completed');
  expect(accountField(h.sandbox, a.accountId, 'Name')).toBe('Late Edit');
});
