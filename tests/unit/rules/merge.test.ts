import { describe, expect, test } from 'vitest';
import type { SyncRule } from '../../../main/engine/rules/mappings.js';
import { type FieldMergeResult, mergeField } from '../../../main/engine/rules/merge.js';

const EARLY = '2026-01-01T10:00:00.000Z';
const LATE = '2026-01-01T11:00:00.000Z';
const NOBASE = Symbol('no base');

interface Row {
  name: string;
  rule: SyncRule;
  sf: string | null;
  hs: string | null;
  base: string | null | typeof NOBASE;
  sfAt?: string | null;
  hsAt?: string | null;
  expected: Pick<FieldMergeResult, 'action' | 'value' | 'reason'>;
  conflictWinner?: 'sf' | 'hs';
}

const run = (row: Row) =>
  mergeField({
    rule: row.rule,
    sf: { value: row.sf, modifiedAt: row.sfAt ?? EARLY },
    hs: { value: row.hs, modifiedAt: row.hsAt ?? EARLY },
    base: row.base === NOBASE ? null : { value: row.base },
  });

const rows: Row[] = [
  // Don't sync
  {
    name: "R7.3 Don't sync: nothing passes",
    rule: 'NONE',
    sf: 'a',
    hs: 'b',
    base: 'c',
    expected: { action: 'none', value: null, reason: 'RULE_DONT_SYNC' },
  },
  // Equal values under every rule
  {
    name: 'R7.4 equal values: nothing to do',
    rule: 'TWO_WAY',
    sf: 'a',
    hs: 'a',
    base: 'x',
    expected: { action: 'none', value: 'a', reason: 'IN_SYNC' },
  },
  {
    name: 'R7.4 blank and empty are equal',
    rule: 'ALWAYS_SF',
    sf: null,
    hs: '',
    base: 'x',
    expected: { action: 'none', value: null, reason: 'IN_SYNC' },
  },

  // Always use Salesforce
  {
    name: 'R7.3 Always SF: SF change overwrites HS',
    rule: 'ALWAYS_SF',
    sf: 'new',
    hs: 'old',
    base: 'old',
    expected: { action: 'write_hs', value: 'new', reason: 'SF_OVERWRITES_HS' },
  },
  {
    name: 'R7.3 Always SF: HS edit is overwritten, never written to SF',
    rule: 'ALWAYS_SF',
    sf: 'old',
    hs: 'edited',
    base: 'old',
    hsAt: LATE,
    expected: { action: 'write_hs', value: 'old', reason: 'SF_OVERWRITES_HS' },
  },
  {
    name: 'R7.3 Always SF: clearing in SF clears HS',
    rule: 'ALWAYS_SF',
    sf: null,
    hs: 'old',
    base: 'old',
    expected: { action: 'write_hs', value: null, reason: 'SF_CLEARED' },
  },
  {
    name: 'R7.3 Always SF: HS never fills a blank SF, even on first sync',
    rule: 'ALWAYS_SF',
    sf: '',
    hs: 'hs',
    base: NOBASE,
    expected: { action: 'write_hs', value: null, reason: 'SF_CLEARED' },
  },
  {
    name: 'R7.3 Always SF: first sync, SF wins',
    rule: 'ALWAYS_SF',
    sf: 'sf',
    hs: 'hs',
    base: NOBASE,
    hsAt: LATE,
    expected: { action: 'write_hs', value: 'sf', reason: 'SF_OVERWRITES_HS' },
  },
  {
    name: 'R7.4 Always SF: both changed is logged as a conflict SF wins',
    rule: 'ALWAYS_SF',
    sf: 'sf2',
    hs: 'hs2',
    base: 'old',
    hsAt: LATE,
    expected: { action: 'write_hs', value: 'sf2', reason: 'SF_OVERWRITES_HS' },
    conflictWinner: 'sf',
  },

  // Prefer Salesforce unless blank
  {
    name: 'R7.3 Prefer SF: SF value overwrites HS',
    rule: 'PREFER_SF_UNLESS_BLANK',
    sf: 'new',
    hs: 'old',
    base: 'old',
    expected: { action: 'write_hs', value: 'new', reason: 'SF_OVERWRITES_HS' },
  },
  {
    name: 'R7.3 Prefer SF: HS edit is overwritten while SF has a value',
    rule: 'PREFER_SF_UNLESS_BLANK',
    sf: 'old',
    hs: 'edited',
    base: 'old',
    hsAt: LATE,
    expected: { action: 'write_hs', value: 'old', reason: 'SF_OVERWRITES_HS' },
  },
  {
    name: 'R7.3 Prefer SF: HS writes to SF when SF is blank',
    rule: 'PREFER_SF_UNLESS_BLANK',
    sf: null,
    hs: 'hs',
    base: null,
    expected: { action: 'write_sf', value: 'hs', reason: 'HS_FILLS_BLANK_SF' },
  },
  {
    name: 'R7.3 Prefer SF: first sync, HS fills a blank SF',
    rule: 'PREFER_SF_UNLESS_BLANK',
    sf: '',
    hs: 'hs',
    base: NOBASE,
    expected: { action: 'write_sf', value: 'hs', reason: 'HS_FILLS_BLANK_SF' },
  },
  {
    name: 'R7.3 Prefer SF: first sync, SF value wins over HS',
    rule: 'PREFER_SF_UNLESS_BLANK',
    sf: 'sf',
    hs: 'hs',
    base: NOBASE,
    hsAt: LATE,
    expected: { action: 'write_hs', value: 'sf', reason: 'SF_OVERWRITES_HS' },
  },
  {
    name: 'R7.3 Prefer SF: clearing in SF clears HS',
    rule: 'PREFER_SF_UNLESS_BLANK',
    sf: null,
    hs: 'old',
    base: 'old',
    expected: { action: 'write_hs', value: null, reason: 'SF_CLEARED' },
  },
  {
    name: 'R7.4 Prefer SF: SF cleared while HS changed — clearing wins, conflict',
    rule: 'PREFER_SF_UNLESS_BLANK',
    sf: null,
    hs: 'hs2',
    base: 'old',
    hsAt: LATE,
    expected: { action: 'write_hs', value: null, reason: 'SF_CLEARED' },
    conflictWinner: 'sf',
  },
  {
    name: 'R7.3 Prefer SF: first sync, SF blank and HS blank',
    rule: 'PREFER_SF_UNLESS_BLANK',
    sf: null,
    hs: null,
    base: NOBASE,
    expected: { action: 'none', value: null, reason: 'IN_SYNC' },
  },

  // Two-way
  {
    name: 'R7.4 Two-way: only SF changed, SF wins',
    rule: 'TWO_WAY',
    sf: 'new',
    hs: 'old',
    base: 'old',
    hsAt: LATE,
    expected: { action: 'write_hs', value: 'new', reason: 'SF_CHANGED' },
  },
  {
    name: 'R7.4 Two-way: only HS changed, HS wins',
    rule: 'TWO_WAY',
    sf: 'old',
    hs: 'new',
    base: 'old',
    sfAt: LATE,
    expected: { action: 'write_sf', value: 'new', reason: 'HS_CHANGED' },
  },
  {
    name: 'R7.3 Two-way: clearing in SF propagates',
    rule: 'TWO_WAY',
    sf: null,
    hs: 'old',
    base: 'old',
    expected: { action: 'write_hs', value: null, reason: 'SF_CHANGED' },
  },
  {
    name: 'R7.3 Two-way: clearing in HS propagates',
    rule: 'TWO_WAY',
    sf: 'old',
    hs: '',
    base: 'old',
    expected: { action: 'write_sf', value: null, reason: 'HS_CHANGED' },
  },
  {
    name: 'R7.4 Two-way: both changed, SF later — conflict SF wins',
    rule: 'TWO_WAY',
    sf: 'sf2',
    hs: 'hs2',
    base: 'old',
    sfAt: LATE,
    hsAt: EARLY,
    expected: { action: 'write_hs', value: 'sf2', reason: 'BOTH_CHANGED_SF_NEWER' },
    conflictWinner: 'sf',
  },
  {
    name: 'R7.4 Two-way: both changed, HS later — conflict HS wins',
    rule: 'TWO_WAY',
    sf: 'sf2',
    hs: 'hs2',
    base: 'old',
    sfAt: EARLY,
    hsAt: LATE,
    expected: { action: 'write_sf', value: 'hs2', reason: 'BOTH_CHANGED_HS_NEWER' },
    conflictWinner: 'hs',
  },
  {
    name: 'R7.4 Two-way: both changed, HS later clearing — the clearing wins',
    rule: 'TWO_WAY',
    sf: 'sf2',
    hs: null,
    base: 'old',
    hsAt: LATE,
    expected: { action: 'write_sf', value: null, reason: 'BOTH_CHANGED_HS_NEWER' },
    conflictWinner: 'hs',
  },
  {
    name: 'R7.4 Two-way: both changed at the same instant — SF wins',
    rule: 'TWO_WAY',
    sf: 'sf2',
    hs: 'hs2',
    base: 'old',
    sfAt: LATE,
    hsAt: LATE,
    expected: { action: 'write_hs', value: 'sf2', reason: 'BOTH_CHANGED_SF_NEWER' },
    conflictWinner: 'sf',
  },
  {
    name: 'R7.4 Two-way: both changed, HS timestamp missing — SF wins',
    rule: 'TWO_WAY',
    sf: 'sf2',
    hs: 'hs2',
    base: 'old',
    sfAt: EARLY,
    hsAt: null,
    expected: { action: 'write_hs', value: 'sf2', reason: 'BOTH_CHANGED_SF_NEWER' },
    conflictWinner: 'sf',
  },
  {
    name: 'R7.4 Two-way: SF +0000 timestamps compare as instants',
    rule: 'TWO_WAY',
    sf: 'sf2',
    hs: 'hs2',
    base: 'old',
    sfAt: '2026-01-01T12:00:00.000+0100',
    hsAt: '2026-01-01T11:30:00.000Z',
    expected: { action: 'write_sf', value: 'hs2', reason: 'BOTH_CHANGED_HS_NEWER' },
    conflictWinner: 'hs',
  },
  {
    name: 'R7.4 Two-way first sync: blank HS filled from SF',
    rule: 'TWO_WAY',
    sf: 'sf',
    hs: null,
    base: NOBASE,
    hsAt: LATE,
    expected: { action: 'write_hs', value: 'sf', reason: 'FIRST_SYNC_FILL_HS' },
  },
  {
    name: 'R7.4 Two-way first sync: blank SF filled from HS',
    rule: 'TWO_WAY',
    sf: '',
    hs: 'hs',
    base: NOBASE,
    sfAt: LATE,
    expected: { action: 'write_sf', value: 'hs', reason: 'FIRST_SYNC_FILL_SF' },
  },
  {
    name: 'R7.4 Two-way first sync: different values, later HS wins — conflict',
    rule: 'TWO_WAY',
    sf: 'sf',
    hs: 'hs',
    base: NOBASE,
    hsAt: LATE,
    expected: { action: 'write_sf', value: 'hs', reason: 'FIRST_SYNC_HS_NEWER' },
    conflictWinner: 'hs',
  },
  {
    name: 'R7.4 Two-way first sync: different values, later SF wins — conflict',
    rule: 'TWO_WAY',
    sf: 'sf',
    hs: 'hs',
    base: NOBASE,
    sfAt: LATE,
    expected: { action: 'write_hs', value: 'sf', reason: 'FIRST_SYNC_SF_NEWER' },
    conflictWinner: 'sf',
  },
];

describe('R7.3 / R7.4 three-way merge of one field', () => {
  test.each(rows)('$name', (row) => {
    const result = run(row);
    expect({ action: result.action, value: result.value, reason: result.reason }).toEqual(row.expected);
    if (row.conflictWinner) {
      expect(result.conflict).toEqual({ sfValue: row.sf, hsValue: row.hs, winner: row.conflictWinner });
    } else {
      expect(result.conflict).toBeUndefined();
    }
  });

  test('R7.4 numeric representations do not count as a change', () => {
    const result = mergeField({
      rule: 'TWO_WAY',
      sf: { value: 250, modifiedAt: LATE },
      hs: { value: '250.0', modifiedAt: EARLY },
      base: { value: '250' },
    });
    expect(result).toEqual({ action: 'none', value: 250, reason: 'IN_SYNC' });
  });

  test('R7.4 multi-select order does not count as a change', () => {
    const result = mergeField({
      rule: 'TWO_WAY',
      sf: { value: 'Hot;Warm', modifiedAt: LATE },
      hs: { value: 'Warm;Hot', modifiedAt: EARLY },
      base: { value: 'Hot;Warm' },
      multiValue: true,
    });
    expect(result.action).toBe('none');
  });
});
