/**
 * R7.3 each sync rule on both sides, for pairs linked by an import: a person edits one or both systems (the HS edit
 * stamped later than the SF one), then an incremental sync runs, and both systems are read back.
 */
import { afterEach, expect, test } from 'vitest';
import type { SyncRule } from '../../main/engine/rules/mappings.js';
import { queryLog } from '../../main/engine/log/log-store.js';
import type { Harness } from '../support/engine-harness.js';
import {
  accountField,
  companyProperty,
  createdPair,
  editAccount,
  editCompany,
  importAll,
  setRule,
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

/** Phone ↔ phone under `rule`, imported; a pair whose SF Phone is blank or filled as asked. */
async function linkedPhonePair(rule: SyncRule, sfPhone: 'blank' | 'filled') {
  harness = await startSyncHarness(tempDir());
  setRule(harness.services.db, 'Phone', rule);
  const run = await importAll(harness);
  const pair = createdPair(harness, run.runId, (a) => (sfPhone === 'blank' ? a.Phone === null : a.Phone !== null));
  const h = harness;
  return {
    ...pair,
    sf: () => accountField(h.sandbox, pair.accountId, 'Phone'),
    hs: () => companyProperty(h.sandbox, pair.companyId, 'phone'),
    editSf: (value: string | null) => editAccount(h.sandbox, pair.accountId, { Phone: value }),
    editHs: (value: string | null) => editCompany(h.sandbox, pair.companyId, { phone: value }),
    sync: async () => {
      const summary = await syncNow(h);
      expect(summary.state).toBe('completed');
      expect(summary.counts.failed).toBe(0);
      return summary;
    },
  };
}

test('R7.3 Prefer SF unless blank: an SF change overwrites HS', async () => {
  const p = await linkedPhonePair('PREFER_SF_UNLESS_BLANK', 'filled');
  p.editSf('+1 555 0101');
  await p.sync();
  expect(p.hs()).toBe('+1 555 0101');
});

test('R7.3 Prefer SF unless blank: an HS change does not reach a filled SF field, SF wins back', async () => {
  const p = await linkedPhonePair('PREFER_SF_UNLESS_BLANK', 'filled');
  const original = p.sf();
  p.editHs('+1 555 0102');
  await p.sync();
  expect(p.sf()).toBe(original);
  expect(p.hs()).toBe(original);
});

test('R7.3 Prefer SF unless blank: HS fills a blank SF field', async () => {
  const p = await linkedPhonePair('PREFER_SF_UNLESS_BLANK', 'blank');
  p.editHs('+1 555 0103');
  await p.sync();
  expect(p.sf()).toBe('+1 555 0103');
  expect(p.hs()).toBe('+1 555 0103');
});

test('R7.3 Prefer SF unless blank: clearing in SF clears HS', async () => {
  const p = await linkedPhonePair('PREFER_SF_UNLESS_BLANK', 'filled');
  p.editSf(null);
  await p.sync();
  expect(p.sf()).toBeNull();
  expect(p.hs()).toBeNull();
});

test('R7.3 Always use Salesforce: HS never writes SF, even a blank one; SF overwrites HS', async () => {
  const p = await linkedPhonePair('ALWAYS_SF', 'blank');
  p.editHs('+1 555 0104');
  await p.sync();
  expect(p.sf()).toBeNull();
  expect(p.hs()).toBeNull();
  p.editSf('+1 555 0105');
  await p.sync();
  expect(p.hs()).toBe('+1 555 0105');
});

test('R7.3 Always use Salesforce: clearing in SF clears HS', async () => {
  const p = await linkedPhonePair('ALWAYS_SF', 'filled');
  p.editSf(null);
  await p.sync();
  expect(p.hs()).toBeNull();
});

test('R7.3 Two-way: a change on either side wins when only that side changed, clearing included', async () => {
  const p = await linkedPhonePair('TWO_WAY', 'filled');
  p.editHs('+1 555 0106');
  await p.sync();
  expect(p.sf()).toBe('+1 555 0106');
  p.editSf('+1 555 0107');
  await p.sync();
  expect(p.hs()).toBe('+1 555 0107');
  p.editHs(null);
  await p.sync();
  expect(p.sf()).toBeNull();
  expect(p.hs()).toBeNull();
});

test('R7.3 R7.4 Two-way: both changed, the later change wins and a conflict is logged with both values', async () => {
  const p = await linkedPhonePair('TWO_WAY', 'filled');
  p.editSf('+1 555 0108');
  p.editHs('+1 555 0109'); // stamped later
  const run = await p.sync();
  expect(p.sf()).toBe('+1 555 0109');
  expect(p.hs()).toBe('+1 555 0109');
  const conflicts = queryLog(harness!.services.db, { runId: run.runId, outcome: 'conflict' });
  expect(conflicts).toHaveLength(1);
  expect(conflicts[0]).toMatchObject({ sfAccountId: p.accountId, hsCompanyId: p.companyId });
  expect(conflicts[0]?.before).toMatchObject({ sfValue: '+1 555 0108', hsValue: '+1 555 0109' });
});

test("R7.3 Don't sync: nothing passes either way", async () => {
  const p = await linkedPhonePair('NONE', 'filled');
  p.editSf('+1 555 0110');
  p.editHs('+1 555 0111');
  await p.sync();
  expect(p.sf()).toBe('+1 555 0110');
  expect(p.hs()).toBe('+1 555 0111');
});
