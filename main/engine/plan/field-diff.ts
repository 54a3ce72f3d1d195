/**
 * The field-by-field comparison of one account with one company under the mappings and their rules (R7).
 * Values are compared in HubSpot's representation (strings); what goes to Salesforce is converted back.
 */
import type { CachedHsCompany } from '../cache/hubspot-cache.js';
import type { CachedSfAccount } from '../cache/salesforce-cache.js';
import { isOwnerMapping, type FieldMapping } from '../rules/mappings.js';
import { mergeField } from '../rules/merge.js';
import { matchOwnerToSfUser, matchSfUserToOwner } from '../rules/owners.js';
import { hsToSfValue, type SfValue, sfToHsValue } from '../rules/values.js';
import type { FieldChange } from '../runs/ops-store.js';
import type { PlanContext } from './context.js';

export interface FieldProblem {
  /** Which write the field belongs to: the HS property of an SF → HS value, the SF field of an HS → SF one. */
  direction: 'sf_to_hs' | 'hs_to_sf';
  field: string;
  category: string;
  code: string;
  message: string;
  /** The value that could not cross, as text (absent in runs planned before values were kept). */
  value?: string | null;
}

export interface PairDiff {
  /** HubSpot properties to write, with their changes. */
  hs: Record<string, string | null>;
  hsChanges: FieldChange[];
  /** Salesforce fields to write (Two-way / Prefer-SF-unless-blank back-writes to linked accounts). */
  sf: Record<string, SfValue>;
  sfChanges: FieldChange[];
  /** The value each mapped SF field will agree on once the writes are confirmed (the next R7.4 base). */
  bases: Record<string, string | null>;
  problems: FieldProblem[];
}

type Side<T> = { ok: true; value: T } | { ok: false; problem: FieldProblem };

/**
 * A value that cannot cross: a PROPERTY_VALUE problem (R7.7) or, for owners, a WARNING (R7.5). The field named is
 * the one that would have received the value: the HS property going to HubSpot, the SF field going to Salesforce.
 */
function cannotCross(
  direction: FieldProblem['direction'],
  mapping: FieldMapping,
  category: 'PROPERTY_VALUE' | 'WARNING',
  code: string,
  message: string,
  value: unknown = null,
): { ok: false; problem: FieldProblem } {
  const field = direction === 'sf_to_hs' ? mapping.hsProperty : mapping.sfField;
  return { ok: false, problem: { direction, field, category, code, message, value: valueText(value) } };
}

export const valueText = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);

/** The account's value for a mapping, in HubSpot form (owner ids translated, R7.5). */
function sfSideValue(ctx: PlanContext, mapping: FieldMapping, account: CachedSfAccount): Side<string | null> {
  const raw = (account.fields[mapping.sfField] ?? null) as SfValue;
  if (isOwnerMapping(mapping)) {
    const user = raw === null ? null : (ctx.usersById.get(String(raw)) ?? null);
    const match = matchSfUserToOwner(user, ctx.owners);
    return match.matched
      ? { ok: true, value: match.id }
      : cannotCross('sf_to_hs', mapping, 'WARNING', match.warning, match.message, raw);
  }
  const sfField = ctx.sfFields.get(mapping.sfField);
  const hsProperty = ctx.hsProperties.get(mapping.hsProperty);
  if (!sfField || !hsProperty) {
    const missing = sfField ? `HubSpot property ${mapping.hsProperty}` : `Salesforce field ${mapping.sfField}`;
    return cannotCross(
      'sf_to_hs',
      mapping,
      'PROPERTY_VALUE',
      'UNKNOWN_FIELD',
      `${missing} does not exist (any more); fix the mapping.`,
      raw,
    );
  }
  const converted = sfToHsValue(raw, sfField, hsProperty);
  return converted.ok
    ? { ok: true, value: converted.value }
    : cannotCross('sf_to_hs', mapping, 'PROPERTY_VALUE', converted.error.code, converted.error.message, raw);
}

/** A HubSpot value in Salesforce form (owner ids translated, R7.5). */
function hsToSf(ctx: PlanContext, mapping: FieldMapping, value: string | null): Side<SfValue> {
  if (isOwnerMapping(mapping)) {
    const owner = value === null ? null : (ctx.ownersById.get(value) ?? null);
    const match = matchOwnerToSfUser(owner, ctx.users);
    return match.matched
      ? { ok: true, value: match.id }
      : cannotCross('hs_to_sf', mapping, 'WARNING', match.warning, match.message, value);
  }
  const converted = hsToSfValue(value, ctx.sfFields.get(mapping.sfField)!, ctx.hsProperties.get(mapping.hsProperty)!);
  return converted.ok
    ? { ok: true, value: converted.value }
    : cannotCross('hs_to_sf', mapping, 'PROPERTY_VALUE', converted.error.code, converted.error.message, value);
}

/**
 * Compares an account with a company. `company` null = a company about to be created: every non-blank mapped value
 * is written. `bases` are the last agreed values (empty for a pair never synced).
 */
export function diffPair(
  ctx: PlanContext,
  account: CachedSfAccount,
  company: CachedHsCompany | null,
  bases: Map<string, string | null>,
): PairDiff {
  const out: PairDiff = { hs: {}, hsChanges: [], sf: {}, sfChanges: [], bases: {}, problems: [] };
  for (const mapping of ctx.mappings) {
    const sfSide = sfSideValue(ctx, mapping, account);
    if (!sfSide.ok) {
      out.problems.push(sfSide.problem);
      continue;
    }
    if (company === null) {
      if (sfSide.value !== null) {
        out.hs[mapping.hsProperty] = sfSide.value;
        out.hsChanges.push({ field: mapping.hsProperty, before: null, after: sfSide.value });
      }
      out.bases[mapping.sfField] = sfSide.value;
      continue;
    }
    const hsValue = company.properties[mapping.hsProperty] ?? null;
    const base = bases.has(mapping.sfField) ? { value: bases.get(mapping.sfField) ?? null } : null;
    const merged = mergeField({
      rule: mapping.rule,
      sf: { value: sfSide.value, modifiedAt: account.systemModstamp },
      hs: { value: hsValue, modifiedAt: company.propertyTimes[mapping.hsProperty] ?? company.updatedAt },
      base,
      multiValue: ctx.sfFields.get(mapping.sfField)?.type === 'multipicklist',
    });
    const value = merged.value === undefined || merged.value === null ? null : String(merged.value);
    if (merged.action === 'write_hs') {
      out.hs[mapping.hsProperty] = value;
      out.hsChanges.push({
        field: mapping.hsProperty,
        before: hsValue,
        after: value,
        ...(merged.conflict ? { conflict: merged.conflict } : {}),
      });
    } else if (merged.action === 'write_sf') {
      const converted = hsToSf(ctx, mapping, value);
      if (!converted.ok) {
        out.problems.push(converted.problem);
        continue;
      }
      out.sf[mapping.sfField] = converted.value;
      out.sfChanges.push({
        field: mapping.sfField,
        before: (account.fields[mapping.sfField] ?? null) as SfValue,
        after: converted.value,
        ...(merged.conflict ? { conflict: merged.conflict } : {}),
      });
    }
    out.bases[mapping.sfField] = value;
  }
  return out;
}
