/**
 * The account hierarchy against the sandbox with the real clients: Salesforce ParentId maps to HubSpot's parent
 * company association (13/14) both ways, Salesforce winning by default; planned after the run's companies exist;
 * loops and parents with no counterpart are held with the ASSOCIATIONS category, and the rest goes on.
 */
import { afterEach, expect, test } from 'vitest';
import type { Harness } from '../support/engine-harness.js';
import { allOps, editCompany, importAll, startSyncHarness, syncNow } from '../support/sync-world.js';
import { tempDirFactory } from '../support/temp.js';
import {
  childCompanies,
  companyOfAccount,
  createAccount,
  hubspot,
  logOfRun,
  parentCompany,
  salesforce,
  setParentAccount,
  setParentCompany,
} from './hierarchy-support.js';

const tempDir = tempDirFactory();
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const start = async () => {
  harness = await startSyncHarness(tempDir(), {}, { accounts: 30 });
  return harness;
};

test('R7 a three-level account hierarchy imports as parent/child company associations, once', async () => {
  const h = await start();
  const sf = salesforce(h.sandbox);
  const top = await createAccount(sf, 'Holding Top');
  const mid = await createAccount(sf, 'Holding Mid', top);
  const leaf = await createAccount(sf, 'Holding Leaf', mid);

  const imported = await importAll(h);
  const db = h.services.db;
  const [topCo, midCo, leafCo] = [top, mid, leaf].map((id) => companyOfAccount(db, id));
  const hs = hubspot(h.sandbox);
  expect(await parentCompany(hs, leafCo!)).toBe(midCo);
  expect(await parentCompany(hs, midCo!)).toBe(topCo);
  expect(await parentCompany(hs, topCo!)).toBeNull();
  expect(await childCompanies(hs, topCo!)).toEqual([midCo]);

  // Logged field by field with readable names, like any other change.
  const entry = logOfRun(db, imported.runId).find((e) => e.sf_account_id === leaf && e.reason === 'PARENT_CHANGED');
  expect(entry?.outcome).toBe('written');
  expect(JSON.parse(entry?.after ?? '{}')).toEqual({ 'Parent company': `Holding Mid (${midCo})` });

  // The next sync finds both sides agreeing: no association is written again.
  const again = await syncNow(h);
  expect(allOps(db, again.runId).filter((op) => op.reason === 'PARENT_CHANGED')).toEqual([]);
  expect(await childCompanies(hs, midCo!)).toEqual([leafCo]);
});

test('R7.4 a parent changed in Salesforce moves the company under its new parent on the next sync', async () => {
  const h = await start();
  const sf = salesforce(h.sandbox);
  const top = await createAccount(sf, 'Move Top');
  const mid = await createAccount(sf, 'Move Mid', top);
  const leaf = await createAccount(sf, 'Move Leaf', mid);
  await importAll(h);
  const db = h.services.db;
  const [topCo, midCo, leafCo] = [top, mid, leaf].map((id) => companyOfAccount(db, id));

  await setParentAccount(sf, leaf, top);
  const sync = await syncNow(h);
  expect(sync.state).toBe('completed');
  const hs = hubspot(h.sandbox);
  expect(await parentCompany(hs, leafCo!)).toBe(topCo);
  expect(await childCompanies(hs, midCo!)).toEqual([]);
  const entry = logOfRun(db, sync.runId).find((e) => e.reason === 'PARENT_CHANGED');
  expect(JSON.parse(entry?.before ?? '{}')).toEqual({ 'Parent company': `Move Mid (${midCo})` });
  expect(JSON.parse(entry?.after ?? '{}')).toEqual({ 'Parent company': `Move Top (${topCo})` });

  // Reverting that sync puts the company back under its old parent (the account stays where Salesforce has it).
  const reverted = await h.services.engine.startKind('revert', { revertOf: sync.runId, deleteCreated: false }, false)
    .finished;
  expect(reverted.state).toBe('completed');
  expect(await parentCompany(hs, leafCo!)).toBe(midCo);
  expect(await childCompanies(hs, midCo!)).toEqual([leafCo]);
});

test('R7.4 a parent set in HubSpot alone reaches Salesforce as ParentId', async () => {
  const h = await start();
  const sf = salesforce(h.sandbox);
  const parent = await createAccount(sf, 'Pull Parent');
  const child = await createAccount(sf, 'Pull Child');
  await importAll(h);
  const db = h.services.db;
  const hs = hubspot(h.sandbox);
  await setParentCompany(hs, companyOfAccount(db, child), companyOfAccount(db, parent));
  // An association change does not touch the company itself; a person's edit makes the sync read it again.
  editCompany(h.sandbox, companyOfAccount(db, child), { phone: '+1 555 0100' });

  const sync = await syncNow(h);
  expect((await sf.sobject('Account').retrieve(child)).ParentId).toBe(parent);
  const entry = logOfRun(db, sync.runId).find((e) => e.reason === 'PARENT_CHANGED');
  expect(entry?.outcome).toBe('written');
  expect(JSON.parse(entry?.after ?? '{}')).toEqual({ 'Parent account': `Pull Parent (${parent})` });

  // Reverting it clears ParentId again in Salesforce.
  await h.services.engine.startKind('revert', { revertOf: sync.runId, deleteCreated: false }, false).finished;
  expect((await sf.sobject('Account').retrieve(child)).ParentId ?? null).toBeNull();
});

test('R9.2 a loop made by changes on both sides is held, a parent with no company is reported, the rest goes on', async () => {
  const h = await start();
  const sf = salesforce(h.sandbox);
  const a = await createAccount(sf, 'Loop A');
  const b = await createAccount(sf, 'Loop B');
  const fine = await createAccount(sf, 'Loop Bystander');
  await importAll(h);
  const db = h.services.db;
  const hs = hubspot(h.sandbox);
  const [aCo, bCo, fineCo] = [a, b, fine].map((id) => companyOfAccount(db, id));

  // Salesforce: B under A. HubSpot: A under B. Each alone is valid; together they make a loop.
  await setParentAccount(sf, b, a);
  await setParentCompany(hs, aCo!, bCo!);
  editCompany(h.sandbox, aCo!, { phone: '+1 555 0101' });
  // Unaffected by the loop: the bystander moves under B; and an account whose parent was never imported (outside
  // the run's scope) is reported.
  await setParentAccount(sf, fine, b);
  const orphanParent = await createAccount(sf, 'Never Imported Parent');
  const orphan = await createAccount(sf, 'Orphan Child', orphanParent);

  const scoped = await h.services.engine.run({ kind: 'import', dryRun: false, where: "Name = 'Orphan Child'" });
  expect(scoped.state).toBe('completed');
  const orphanLog = logOfRun(db, scoped.runId).find((e) => e.reason === 'PARENT_NOT_LINKED');
  expect(orphanLog?.category).toBe('ASSOCIATIONS');
  expect(orphanLog?.sf_account_id).toBe(orphan);
  expect(orphanLog?.message).toContain(orphanParent);

  const sync = await syncNow(h);
  expect(sync.state).toBe('completed');
  const loop = logOfRun(db, sync.runId).filter((e) => e.reason === 'HIERARCHY_LOOP');
  expect(loop.map((e) => e.sf_account_id).sort()).toEqual([a, b].sort());
  for (const e of loop) {
    expect(e.category).toBe('ASSOCIATIONS');
    expect(e.outcome).toBe('held');
    expect(e.message).toContain(a);
    expect(e.message).toContain(b);
  }
  // Nothing of the loop was written; the bystander's move was.
  expect(await parentCompany(hs, bCo!)).toBeNull();
  expect((await sf.sobject('Account').retrieve(a)).ParentId ?? null).toBeNull();
  expect(await parentCompany(hs, fineCo!)).toBe(bCo);
  // Reported, not looped on: the next sync ends, and does not report the same loop again every few minutes.
  const next = await syncNow(h);
  expect(next.state).toBe('completed');
  expect(logOfRun(db, next.runId).filter((e) => e.reason === 'HIERARCHY_LOOP')).toEqual([]);
  expect(await parentCompany(hs, bCo!)).toBeNull();
});

test('R8 idempotency: a parent change replayed after a crash between the call and its journal step writes it once', async () => {
  const h = await start();
  const sf = salesforce(h.sandbox);
  const top = await createAccount(sf, 'Replay Top');
  const mid = await createAccount(sf, 'Replay Mid', top);
  const leaf = await createAccount(sf, 'Replay Leaf', mid);
  await importAll(h);
  const db = h.services.db;
  const [topCo, midCo, leafCo] = [top, mid, leaf].map((id) => companyOfAccount(db, id));
  await setParentAccount(sf, leaf, top);
  const sync = await syncNow(h);
  const op = allOps(db, sync.runId).find((o) => o.reason === 'PARENT_CHANGED')!;

  // As if the process died after HubSpot answered but before the journal said so: the op `sent`, the run paused,
  // the cache still showing the old parent.
  db.prepare("UPDATE run_ops SET state = 'sent' WHERE run_id = ? AND seq = ?").run(sync.runId, op.seq);
  db.prepare("UPDATE runs SET state = 'paused' WHERE id = ?").run(sync.runId);
  db.prepare('UPDATE hs_company_parents SET parent_id = ? WHERE company_id = ?').run(midCo, leafCo);

  const resumed = await h.services.engine.resume(sync.runId);
  expect(resumed.state).toBe('completed');
  expect(allOps(db, sync.runId).find((o) => o.seq === op.seq)?.state).toBe('confirmed');
  const hs = hubspot(h.sandbox);
  expect(await parentCompany(hs, leafCo!)).toBe(topCo);
  expect((await childCompanies(hs, topCo!)).sort()).toEqual([midCo, leafCo].sort());
  expect(await childCompanies(hs, midCo!)).toEqual([]);
});
