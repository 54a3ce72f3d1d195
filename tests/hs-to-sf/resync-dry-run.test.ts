import { afterEach, expect, test } from 'vitest';
import type { Sandbox } from '../../sandbox/index.js';
import { type Harness, startHarness } from '../support/engine-harness.js';
import { tempDirFactory } from '../support/temp.js';
import { cli, statedR3Settings } from './support.js';
import { accountsForCompany, editHsCompany, newCompany } from './world.js';

const tempDir = tempDirFactory();
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** An HS owner who is an active SF user (same name and email), so the new account gets that user as its owner. */
function matchedOwner(sandbox: Sandbox): { hsOwnerId: string; sfUserId: string; name: string } {
  const users = sandbox.salesforce.store.users();
  for (const owner of sandbox.hubspot.store.owners()) {
    const user = users.find(
      (u) =>
        u.IsActive &&
        u.Name === `${owner.firstName} ${owner.lastName}` &&
        u.Email.toLowerCase() === owner.email?.toLowerCase(),
    );
    if (user) return { hsOwnerId: owner.id, sfUserId: user.Id, name: user.Name };
  }
  throw new Error('the seed has no HubSpot owner matching an active Salesforce user');
}

const accountCount = (sandbox: Sandbox) => [...sandbox.salesforce.store.rows('Account')].length;

test('R5.1 sfhs resync --company ID --dry-run of an unlinked company shows the account it would create, writes nothing; the real run creates it once', async () => {
  harness = await startHarness(tempDir());
  const { services, sandbox, dataDir } = harness;
  services.settings.update({ ...statedR3Settings(), syncCompanies: true });
  const id = newCompany(sandbox, 'Planned Not Written Ltd');
  const owner = matchedOwner(sandbox);
  editHsCompany(sandbox, id, { hubspot_owner_id: owner.hsOwnerId });
  const before = accountCount(sandbox);

  const dry = await cli('resync', '--company', id, '--dry-run', '--data-dir', dataDir);
  expect(dry.err).not.toContain('not available');
  expect(dry.code).toBe(0);
  expect(dry.out).toContain('Preview (dry run — nothing was written)');
  expect(dry.out).toContain('Planned writes (first 1 of 1):');
  expect(dry.out).toContain(`#1 create in Salesforce — company ${id} — Resynced by a person`);
  expect(dry.out).toContain('Name: ∅ → "Planned Not Written Ltd"');
  expect(dry.out).toContain(`HubSpot_Company_Id__c: ∅ → "${id}"`);
  expect(dry.out).toMatch(
    new RegExp(`OwnerId: ∅ → "${owner.sfUserId.slice(0, 15)}\\w*" {2}\\(owner: ${owner.name}\\)`),
  );
  expect(`${dry.out}${dry.err}`).not.toMatch(/\bR\d+(\.\d+)?[a-z]?\b/);
  // Nothing was written to either system.
  expect(accountsForCompany(sandbox, id)).toEqual([]);
  expect(accountCount(sandbox)).toBe(before);
  expect(sandbox.hubspot.store.getCompany(id)?.properties.salesforceaccountid ?? null).toBeNull();

  // The same plan for scripts: the create op with its fields and reason code.
  const json = await cli('resync', '--company', id, '--dry-run', '--json', '--data-dir', dataDir);
  expect(json.code).toBe(0);
  const { companyIds, runs } = JSON.parse(json.out);
  expect(companyIds).toEqual([id]);
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ kind: 'resync', dryRun: true, state: 'completed', counts: { create: 1 } });
  expect(runs[0].ops).toEqual([
    expect.objectContaining({ system: 'salesforce', operation: 'create', hsCompanyId: id, reason: 'MANUAL_RESYNC' }),
  ]);
  expect(accountCount(sandbox)).toBe(before);

  const real = await cli('resync', '--company', id, '--data-dir', dataDir);
  expect(real.code).toBe(0);
  const created = accountsForCompany(sandbox, id);
  expect(created).toHaveLength(1);
  expect(created[0]).toMatchObject({ Name: 'Planned Not Written Ltd', OwnerId: owner.sfUserId });
  expect(accountCount(sandbox)).toBe(before + 1);
});
