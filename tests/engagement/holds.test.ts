/**
 * R6.4 hold review against the sandbox with the real clients: the queue across runs, each candidate's facts, link /
 * create / skip carried out by a journaled run, and a second import that holds nothing.
 */
import { afterEach, expect, test } from 'vitest';
import type { HoldView } from '../../shared/contract/index.js';
import { countUnresolvedHolds, unresolvedHolds } from '../../main/engine/holds/queue.js';
import { decideHolds } from '../../main/engine/holds/resolve.js';
import { queryLog } from '../../main/engine/log/log-store.js';
import { dispatch } from '../../main/ipc/dispatch.js';
import type { Harness } from '../support/engine-harness.js';
import {
  allOps,
  companiesByAccountId,
  editCompany,
  importAll,
  startSyncHarness,
  syncNow,
} from '../support/sync-world.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const health = (h: Harness) => h.services.handlers.getHealth({});

async function heldImport(): Promise<{ h: Harness; holds: HoldView[] }> {
  harness = await startSyncHarness(tempDir(), { matchByDomain: true }, { accounts: 400 });
  const run = await importAll(harness);
  expect(run.counts.hold).toBeGreaterThan(2);
  return { h: harness, holds: unresolvedHolds(harness.services.db, '', 1000) };
}

test('R6.4 R9.4 the queue holds every unresolved hold across runs, with the facts behind each candidate', async () => {
  const { h, holds } = await heldImport();
  const { matching, links } = h.sandbox.expected;
  const domainHolds = holds.filter((x) => x.candidates.every((c) => c.sameDomain && c.sharedContacts.length === 0));
  expect(domainHolds).toHaveLength(matching.ambiguousByDomain);
  expect(holds).toHaveLength(matching.ambiguousByContacts + matching.ambiguousByDomain + links.duplicateLinks);
  for (const hold of holds.filter((x) => x.reason === 'AMBIGUOUS_MATCH')) {
    expect(hold.candidates.length).toBeGreaterThan(1);
    // Each candidate is one by a shared synced contact (R6.2) or the same domain (R6.3).
    for (const c of hold.candidates) expect(c.sharedContacts.length > 0 || c.sameDomain).toBe(true);
    expect(hold.message).toMatch(/More than one company/);
  }
  // A later sync does not make them vanish from health (they were counted from the latest run only before).
  const sync = await syncNow(h);
  expect(sync.state).toBe('completed');
  expect((await health(h)).holds).toBe(holds.length);
});

test('R6.4 link, create and skip are journaled and logged like writes; a second import then holds none', async () => {
  const { h, holds } = await heldImport();
  const { db, engine } = h.services;
  const ambiguous = holds.filter((x) => x.reason === 'AMBIGUOUS_MATCH');
  const duplicate = holds.find((x) => x.reason === 'DUPLICATE_LINK');
  expect(ambiguous.length).toBeGreaterThanOrEqual(3);
  const [toLink, toCreate, ...toSkip] = ambiguous as [HoldView, HoldView, ...HoldView[]];
  const chosen = toLink.candidates[0]!.companyId;
  const actions = [
    { sfAccountId: toLink.sfAccountId, action: 'link' as const, hsCompanyId: chosen },
    { sfAccountId: toCreate.sfAccountId, action: 'create' as const },
    ...toSkip.map((x) => ({ sfAccountId: x.sfAccountId, action: 'skip' as const })),
    ...(duplicate
      ? [
          {
            sfAccountId: duplicate.sfAccountId,
            action: 'link' as const,
            hsCompanyId: duplicate.candidates[1]!.companyId,
          },
        ]
      : []),
  ];
  const companiesBefore = h.sandbox.hubspot.store.companyCount;
  const decided = decideHolds(db, engine, actions);
  expect(decided.rejected).toEqual([]);
  const summary = await decided.started!.finished;
  expect(summary.state).toBe('completed');

  // Through the wire: the link property is on the chosen company only, one company was created.
  const byAccount = companiesByAccountId(h.sandbox);
  expect(byAccount.get(toLink.sfAccountId)?.map((c) => c.id)).toEqual([chosen]);
  expect(byAccount.get(toCreate.sfAccountId)).toHaveLength(1);
  expect(h.sandbox.hubspot.store.companyCount).toBe(companiesBefore + 1);
  for (const x of toSkip) expect(byAccount.get(x.sfAccountId)).toBeUndefined();
  if (duplicate)
    expect(byAccount.get(duplicate.sfAccountId)?.map((c) => c.id)).toEqual([duplicate.candidates[1]!.companyId]);

  // Journaled and logged: the run's ops carry the person's decisions.
  const reasons = allOps(db, summary.runId).map((op) => op.reason);
  expect(reasons).toContain('LINKED_BY_PERSON');
  expect(reasons).toContain('CREATED_BY_PERSON');
  expect(reasons.filter((r) => r === 'HOLD_SKIPPED_BY_PERSON')).toHaveLength(toSkip.length);
  const logged = queryLog(db, { runId: summary.runId, limit: 1000 });
  expect(logged.some((e) => e.reason === 'LINKED_BY_PERSON' && e.outcome === 'written')).toBe(true);
  expect(logged.some((e) => e.reason === 'HOLD_SKIPPED_BY_PERSON' && e.outcome === 'skipped')).toBe(true);

  expect(unresolvedHolds(db, '', 100)).toEqual([]);
  expect(countUnresolvedHolds(db)).toBe(0);
  const second = await engine.run({ kind: 'import', dryRun: false });
  expect(second.counts.hold).toBe(0);
  expect(second.counts.create).toBe(0);
  expect((await health(h)).holds).toBe(0);
});

test('R6.4 R0.3 a chosen company linked elsewhere meanwhile: clear reason and category, nothing written', async () => {
  const { h, holds } = await heldImport();
  const { db, engine } = h.services;
  const [first, second] = holds.filter((x) => x.reason === 'AMBIGUOUS_MATCH') as [HoldView, HoldView];
  // Known to this laptop: refused at once.
  const linkedElsewhere = db.prepare('SELECT sf_account_id AS a, hs_company_id AS c FROM links LIMIT 1').get() as {
    a: string;
    c: string;
  };
  const refused = decideHolds(db, engine, [
    { sfAccountId: first.sfAccountId, action: 'link', hsCompanyId: linkedElsewhere.c },
    { sfAccountId: '001nonsense', action: 'skip' },
  ]);
  expect(refused.started).toBeNull();
  expect(refused.rejected.map((r) => r.code)).toEqual(['VALIDATION', 'VALIDATION']);
  expect(refused.rejected[0]!.message).toMatch(/not a candidate/);

  // Linked in HubSpot after the queue was read: the run's refresh sees it and holds the account again.
  const target = first.candidates[0]!.companyId;
  editCompany(h.sandbox, target, { salesforceaccountid: second.sfAccountId });
  const decided = decideHolds(db, engine, [{ sfAccountId: first.sfAccountId, action: 'link', hsCompanyId: target }]);
  expect(decided.accepted).toEqual([first.sfAccountId]);
  const summary = await decided.started!.finished;
  expect(summary.counts.update + summary.counts.create).toBe(0);
  expect(h.sandbox.hubspot.store.getCompany(target)?.properties.salesforceaccountid).toBe(second.sfAccountId);
  const again = unresolvedHolds(db, '', 1000).find((x) => x.sfAccountId === first.sfAccountId)!;
  expect(again.reason).toBe('CHOSEN_COMPANY_TAKEN');
  expect(again.category).toBe('DUPLICATES');
  expect(again.message).toContain(`linked to account ${second.sfAccountId}`);
  // A company already linked (known locally) is refused with its category.
  const refusedNow = decideHolds(db, engine, [{ sfAccountId: first.sfAccountId, action: 'link', hsCompanyId: target }]);
  expect(refusedNow.rejected[0]).toMatchObject({ code: 'CONFLICT', category: 'DUPLICATES' });
});

test('R6.4 the hold operations validate their arguments through dispatch', async () => {
  harness = await startSyncHarness(tempDir());
  const { handlers } = harness.services;
  const empty = await dispatch(handlers, 'resolveHolds', { actions: [] });
  expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  const bad = await dispatch(handlers, 'resolveHolds', { actions: [{ sfAccountId: '001', action: 'merge' }] });
  expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  const listed = await dispatch(handlers, 'listHolds', {});
  expect(listed).toEqual({ ok: true, value: { holds: [], total: 0 } });
});
