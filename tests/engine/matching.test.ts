/** R6 matching of unlinked accounts and R0 links, against the seed's independently computed `expected` stats. */
import { afterEach, expect, test } from 'vitest';
import type { Services } from '../../main/app/services.js';
import { plainDomain } from '../../sandbox/seed/expected.js';
import { connectDataFolder, type Harness } from '../support/engine-harness.js';
import { allOps, companiesByAccountId, countBy, importAll, startSyncHarness } from '../support/sync-world.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();
let harness: Harness | undefined;
let secondLaptop: Services | undefined;
afterEach(async () => {
  secondLaptop?.close();
  secondLaptop = undefined;
  await harness?.close();
  harness = undefined;
});

async function planReasons(matchByDomain: boolean) {
  harness = await startSyncHarness(tempDir(), { matchByDomain });
  const dry = await harness.services.engine.run({ kind: 'import', dryRun: true });
  const ops = allOps(harness.services.db, dry.runId).filter((op) => op.system === 'hubspot');
  return { ops, reasons: countBy(ops, (op) => op.reason), expected: harness.sandbox.expected };
}

test('R6.1 R6.2 R6.4 R0.3 with domain matching off (R6.3 default) the plan matches the seed', async () => {
  const { reasons, expected } = await planReasons(false);
  const { matching: m, links } = expected;
  expect(reasons).toEqual({
    MATCHED_BY_LINK: links.linkedAccounts - links.duplicateLinks,
    DUPLICATE_LINK: links.duplicateLinks,
    MATCHED_BY_CONTACTS: m.byContacts,
    AMBIGUOUS_MATCH: m.ambiguousByContacts,
    // Without domain matching, domain look-alikes are new companies.
    NEW_COMPANY: m.byDomain + m.ambiguousByDomain + m.noMatch,
  });
});

test('R6.3 R6.4 with matchByDomain on, domain matches and ambiguous domains match the seed', async () => {
  const { ops, reasons, expected } = await planReasons(true);
  const { matching: m } = expected;
  expect(reasons).toMatchObject({
    MATCHED_BY_CONTACTS: m.byContacts,
    MATCHED_BY_DOMAIN: m.byDomain,
    AMBIGUOUS_MATCH: m.ambiguousByContacts + m.ambiguousByDomain,
    NEW_COMPANY: m.noMatch,
  });
  const store = harness!.sandbox.hubspot.store;
  const domainHolds = ops.filter((op) => {
    if (op.reason !== 'AMBIGUOUS_MATCH') return false;
    const website = harness!.sandbox.salesforce.store.getAccount(op.sfAccountId!)?.Website;
    const candidates = JSON.parse(op.detail!).candidates as string[];
    return candidates.every((id) => plainDomain(store.getCompany(id)?.properties.domain) === plainDomain(website));
  });
  expect(domainHolds).toHaveLength(m.ambiguousByDomain);
});

test('R6.4 R0.3 held accounts are never created; matches get the link written into HubSpot (R0.1)', async () => {
  harness = await startSyncHarness(tempDir());
  const { sandbox, services } = harness;
  const run = await importAll(harness);
  const ops = allOps(services.db, run.runId);
  const byAccount = companiesByAccountId(sandbox);
  for (const op of ops.filter((o) => o.reason === 'AMBIGUOUS_MATCH')) {
    expect(byAccount.get(op.sfAccountId!)).toBeUndefined();
    expect(JSON.parse(op.detail!).candidates.length).toBeGreaterThan(1);
  }
  for (const op of ops.filter((o) => o.reason === 'DUPLICATE_LINK')) {
    const candidates = JSON.parse(op.detail!).candidates as string[];
    expect(
      byAccount
        .get(op.sfAccountId!)
        ?.map((c) => c.id)
        .sort(),
    ).toEqual([...candidates].sort());
  }
  const matched = ops.filter((o) => o.reason === 'MATCHED_BY_CONTACTS');
  expect(matched).toHaveLength(sandbox.expected.matching.byContacts);
  for (const op of matched) {
    expect(op.state).toBe('confirmed');
    expect(byAccount.get(op.sfAccountId!)?.map((c) => c.id)).toEqual([op.hsCompanyId]);
  }
});

test('R0.1 R6.1 a second laptop (fresh data folder) links to existing companies and creates none', async () => {
  harness = await startSyncHarness(tempDir());
  await importAll(harness);
  const companies = harness.sandbox.hubspot.store.companyCount;
  secondLaptop = await connectDataFolder(tempDir(), harness.sandbox);
  secondLaptop.settings.update({ syncCompanies: true });
  const run = await secondLaptop.engine.run({ kind: 'import', dryRun: false });
  expect(run.state).toBe('completed');
  expect(run.counts.create).toBe(0);
  expect(harness.sandbox.hubspot.store.companyCount).toBe(companies);
  // The links the first laptop made are rebuilt from HubSpot's salesforceaccountid.
  const links = (db: Services['db']) => db.prepare('SELECT COUNT(*) FROM links').pluck().get();
  expect(links(secondLaptop.db)).toBe(links(harness.services.db));
});
