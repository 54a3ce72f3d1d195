import { type ComparableValue, equalValues, isBlank, parseInstant } from './equality.js';
import type { SyncRule } from './mappings.js';

/**
 * R7.3 / R7.4 The three-way merge of one mapped field of a linked pair.
 *
 * The caller passes both sides in one representation (e.g. the HS value converted to SF form by values.ts) and
 * the base: the last value both sides agreed on, from the cache (`field_state`), or null when the pair has never
 * been synced. Timestamps are ISO strings: HS per-property timestamp, SF `SystemModstamp`.
 *
 * Decisions:
 * - Ties and missing timestamps go to Salesforce (the system of record), so the outcome is deterministic.
 * - First sync (no base), Two-way: a blank side is filled from the other (nothing can be known to be a clearing
 *   without a base); two different non-blank values are settled by the later timestamp and reported as a conflict.
 * - First sync, Prefer SF unless blank: a blank SF is filled from HS (SF is blank, so HS may write).
 * - Prefer SF unless blank, SF blank: if SF held a value at the base, SF was cleared and the clearing goes to HS;
 *   if SF was already blank at the base, HS fills it. If SF was cleared *and* HS changed, the clearing still wins
 *   (SF is preferred) and the event is a conflict, so the HS value can be restored from the log.
 * - A conflict is reported whenever a value someone entered is discarded while both sides changed since the base
 *   (any rule), and for the Two-way first-sync disagreement above.
 */

export interface SideState {
  value: ComparableValue;
  modifiedAt: string | null;
}

export interface FieldMergeInput {
  rule: SyncRule;
  sf: SideState;
  hs: SideState;
  base: { value: ComparableValue } | null;
  /** Multi-select values compare as sets. */
  multiValue?: boolean;
}

export type MergeAction = 'none' | 'write_hs' | 'write_sf';

export type MergeReason =
  | 'RULE_DONT_SYNC'
  | 'IN_SYNC'
  | 'SF_OVERWRITES_HS'
  | 'SF_CLEARED'
  | 'HS_FILLS_BLANK_SF'
  | 'SF_CHANGED'
  | 'HS_CHANGED'
  | 'BOTH_CHANGED_SF_NEWER'
  | 'BOTH_CHANGED_HS_NEWER'
  | 'FIRST_SYNC_FILL_SF'
  | 'FIRST_SYNC_FILL_HS'
  | 'FIRST_SYNC_SF_NEWER'
  | 'FIRST_SYNC_HS_NEWER';

export interface MergeConflict {
  sfValue: ComparableValue;
  hsValue: ComparableValue;
  winner: 'sf' | 'hs';
}

export interface FieldMergeResult {
  action: MergeAction;
  /** After a write: the value written, the new base. For 'none': the value both sides hold (null for Don't sync). */
  value: ComparableValue;
  reason: MergeReason;
  conflict?: MergeConflict;
}

export function mergeField(input: FieldMergeInput): FieldMergeResult {
  const { rule, sf, hs, base } = input;
  if (rule === 'NONE') return { action: 'none', value: null, reason: 'RULE_DONT_SYNC' };

  const same = (a: ComparableValue, b: ComparableValue) => equalValues(a, b, { multiValue: input.multiValue });
  if (same(sf.value, hs.value)) return { action: 'none', value: sf.value, reason: 'IN_SYNC' };

  const sfChanged = base !== null && !same(sf.value, base.value);
  const hsChanged = base !== null && !same(hs.value, base.value);
  const conflictIf = (bothChanged: boolean, winner: 'sf' | 'hs'): Pick<FieldMergeResult, 'conflict'> =>
    bothChanged ? { conflict: { sfValue: sf.value, hsValue: hs.value, winner } } : {};
  const toHs = (reason: MergeReason, conflict = false): FieldMergeResult => ({
    action: 'write_hs',
    value: isBlank(sf.value) ? null : sf.value,
    reason,
    ...conflictIf(conflict, 'sf'),
  });
  const toSf = (reason: MergeReason, conflict = false): FieldMergeResult => ({
    action: 'write_sf',
    value: isBlank(hs.value) ? null : hs.value,
    reason,
    ...conflictIf(conflict, 'hs'),
  });

  switch (rule) {
    case 'ALWAYS_SF':
      // R7.3 SF always overwrites HS, a blank included (clearing in SF clears in HS).
      return toHs(isBlank(sf.value) ? 'SF_CLEARED' : 'SF_OVERWRITES_HS', sfChanged && hsChanged);

    case 'PREFER_SF_UNLESS_BLANK': {
      if (!isBlank(sf.value)) return toHs('SF_OVERWRITES_HS', sfChanged && hsChanged);
      const sfWasCleared = base !== null && !isBlank(base.value);
      if (sfWasCleared) return toHs('SF_CLEARED', hsChanged);
      return toSf('HS_FILLS_BLANK_SF');
    }

    case 'TWO_WAY': {
      if (base !== null && sfChanged !== hsChanged) return sfChanged ? toHs('SF_CHANGED') : toSf('HS_CHANGED');
      if (base === null && isBlank(hs.value)) return toHs('FIRST_SYNC_FILL_HS');
      if (base === null && isBlank(sf.value)) return toSf('FIRST_SYNC_FILL_SF');
      // Both changed since the base, or two different values on first sync: the most recent change wins (R7.4).
      const sfWins = sfIsNewerOrTied(sf.modifiedAt, hs.modifiedAt);
      if (base === null) return sfWins ? toHs('FIRST_SYNC_SF_NEWER', true) : toSf('FIRST_SYNC_HS_NEWER', true);
      return sfWins ? toHs('BOTH_CHANGED_SF_NEWER', true) : toSf('BOTH_CHANGED_HS_NEWER', true);
    }
  }
}

/** Ties, and a missing or unparsable timestamp on either side, go to Salesforce. */
function sfIsNewerOrTied(sfModifiedAt: string | null, hsModifiedAt: string | null): boolean {
  const sfTime = parseInstant(sfModifiedAt);
  const hsTime = parseInstant(hsModifiedAt);
  if (sfTime === null || hsTime === null) return true;
  return sfTime >= hsTime;
}
