/**
 * The Salesforce account a HubSpot company becomes: its name, the mapped fields whose rule lets HubSpot write to
 * Salesforce (R7.3; a new account is blank, so Prefer-SF-unless-blank writes too), the owner by R3.5 and the
 * company id in the external-id field, which makes the create an upsert that a replay cannot duplicate.
 */
import type { CachedHsCompany } from '../cache/hubspot-cache.js';
import type { PlanContext } from '../plan/context.js';
import type { FieldProblem } from '../plan/field-diff.js';
import { HUBSPOT_ID_FIELD } from '../refresh/fields.js';
import { isOwnerMapping, ruleWritesSf } from '../rules/mappings.js';
import { ownerForNewAccount } from '../rules/owners.js';
import { hsToSfValue, type SfValue } from '../rules/values.js';
import type { FieldChange } from '../runs/ops-store.js';

export { HUBSPOT_ID_FIELD };

export interface AccountRecord {
  fields: Record<string, SfValue>;
  changes: FieldChange[];
  /** Fields left out (R7.7) and owner warnings (R3.5), logged with the create. */
  problems: FieldProblem[];
}

/**
 * R3.5 the owner: the active SF user with the HS owner's name and email; otherwise OwnerId is left out, and
 * Salesforce makes the creating user — the integration user — the owner, which is exactly the rule's fallback.
 */
function owner(ctx: PlanContext, company: CachedHsCompany, out: AccountRecord): void {
  const ownerId = company.properties.hubspot_owner_id || null;
  const hsOwner = ownerId === null ? null : (ctx.ownersById.get(ownerId) ?? null);
  const chosen = ownerForNewAccount(hsOwner, ctx.users, '');
  if (chosen.userId !== '') out.fields.OwnerId = chosen.userId;
  else if (chosen.warning) {
    out.problems.push({
      direction: 'hs_to_sf',
      field: 'OwnerId',
      category: 'WARNING',
      code: chosen.warning.warning,
      message: `${chosen.warning.message} The integration user owns the new account.`,
    });
  }
}

export function accountRecordFor(ctx: PlanContext, company: CachedHsCompany): AccountRecord {
  const out: AccountRecord = { fields: {}, changes: [], problems: [] };
  for (const mapping of ctx.mappings) {
    if (isOwnerMapping(mapping) || !ruleWritesSf(mapping.rule)) continue;
    const sfField = ctx.sfFields.get(mapping.sfField);
    const hsProperty = ctx.hsProperties.get(mapping.hsProperty);
    if (!sfField || !hsProperty) continue; // reported by the mapping checks; nothing to convert against
    const value = company.properties[mapping.hsProperty] ?? null;
    if (value === null || value === '') continue;
    const converted = hsToSfValue(value, sfField, hsProperty);
    if (converted.ok) out.fields[mapping.sfField] = converted.value;
    else {
      out.problems.push({
        direction: 'hs_to_sf',
        field: mapping.sfField,
        category: 'PROPERTY_VALUE',
        code: converted.error.code,
        message: converted.error.message,
        value,
      });
    }
  }
  // Salesforce requires a name; a company without one gets its id, which a person can recognise and fix.
  out.fields.Name ??= company.name?.trim() || `HubSpot company ${company.id}`;
  owner(ctx, company, out);
  out.fields[HUBSPOT_ID_FIELD] = company.id;
  out.changes = Object.entries(out.fields).map(([field, after]) => ({ field, before: null, after }));
  return out;
}
