import {
  type FieldMapping,
  type HsPropertyDescribe,
  isOwnerMapping,
  OWNER_MAPPING,
  ruleWritesHs,
  ruleWritesSf,
  type SfFieldDescribe,
  SYNC_RULE_LABELS,
  typesCompatible,
} from './mappings.js';

/**
 * R7.1 / R7.2 / R7.5 Validation of a mapping set before it is saved. Every problem of every row is reported (not
 * only the first), each with the row index so the editor can mark it.
 */

export type MappingErrorCode =
  | 'UNKNOWN_SF_FIELD'
  | 'UNKNOWN_HS_PROPERTY'
  | 'RESERVED_FIELD'
  | 'SF_FIELD_MAPPED_TWICE'
  | 'HS_PROPERTY_MAPPED_TWICE'
  | 'MISMATCHED_TYPES'
  | 'HUBSPOT_USER_PROPERTY'
  | 'OWNER_MAPPING'
  | 'READ_ONLY_SF_FIELD'
  | 'READ_ONLY_HS_PROPERTY';

export interface MappingError {
  /** Index of the mapping in the list given. */
  index: number;
  sfField: string;
  hsProperty: string;
  code: MappingErrorCode;
  message: string;
}

export interface MappingValidation {
  ok: boolean;
  errors: MappingError[];
}

/** The link itself (R0.1) and record ids are managed by the engine, never by a mapping. */
const RESERVED_SF_FIELDS = new Set(['id']);
const RESERVED_HS_PROPERTIES = new Set(['salesforceaccountid', 'hs_object_id']);

export function validateMappings(
  mappings: readonly FieldMapping[],
  sfFields: readonly SfFieldDescribe[],
  hsProps: readonly HsPropertyDescribe[],
): MappingValidation {
  // SF API names are case-insensitive; HS internal names are not.
  const sfByName = new Map(sfFields.map((field) => [field.name.toLowerCase(), field]));
  const hsByName = new Map(hsProps.map((prop) => [prop.name, prop]));
  const firstRowOfSfField = new Map<string, number>();
  const firstRowOfHsProperty = new Map<string, number>();
  const errors: MappingError[] = [];

  mappings.forEach((mapping, index) => {
    const report = (code: MappingErrorCode, message: string) =>
      errors.push({ index, sfField: mapping.sfField, hsProperty: mapping.hsProperty, code, message });
    const sfKey = mapping.sfField.toLowerCase();

    // R7.1 one-to-one: later rows repeating a field or property are rejected, pointing at the first.
    const sfFirst = firstRowOfSfField.get(sfKey);
    if (sfFirst === undefined) firstRowOfSfField.set(sfKey, index);
    else
      report(
        'SF_FIELD_MAPPED_TWICE',
        `Salesforce field ${mapping.sfField} is already mapped (row ${sfFirst + 1}); a field can be mapped only once.`,
      );
    const hsFirst = firstRowOfHsProperty.get(mapping.hsProperty);
    if (hsFirst === undefined) firstRowOfHsProperty.set(mapping.hsProperty, index);
    else
      report(
        'HS_PROPERTY_MAPPED_TWICE',
        `HubSpot property ${mapping.hsProperty} is already mapped (row ${hsFirst + 1}); a property can be mapped only once.`,
      );

    if (RESERVED_SF_FIELDS.has(sfKey) || RESERVED_HS_PROPERTIES.has(mapping.hsProperty)) {
      report(
        'RESERVED_FIELD',
        `${mapping.sfField} ↔ ${mapping.hsProperty}: record ids and the Salesforce Account ID link are kept by the console itself and cannot be mapped.`,
      );
      return;
    }

    const sf = sfByName.get(sfKey);
    const hs = hsByName.get(mapping.hsProperty);
    if (!sf) report('UNKNOWN_SF_FIELD', `Salesforce Account has no field ${mapping.sfField}.`);
    if (!hs) report('UNKNOWN_HS_PROPERTY', `HubSpot companies have no property ${mapping.hsProperty}.`);
    if (!sf || !hs) return;

    for (const [code, message] of pairProblems(mapping, sf, hs)) report(code, message);
  });

  return { ok: errors.length === 0, errors };
}

/** Type, owner and writability problems of one row whose field and property both exist. */
function pairProblems(
  mapping: FieldMapping,
  sf: SfFieldDescribe,
  hs: HsPropertyDescribe,
): Array<[MappingErrorCode, string]> {
  const problems: Array<[MappingErrorCode, string]> = [];
  const pair = `${sf.name} ↔ ${hs.name}`;
  const owner = isOwnerMapping({ sfField: sf.name, hsProperty: hs.name });

  if (owner) {
    // R7.5 the owner is always two-way; "Don't sync" is allowed so it can be switched off.
    if (mapping.rule !== 'TWO_WAY' && mapping.rule !== 'NONE') {
      problems.push([
        'OWNER_MAPPING',
        `${pair}: the owner always syncs both ways; choose "${SYNC_RULE_LABELS.TWO_WAY}" or "${SYNC_RULE_LABELS.NONE}".`,
      ]);
    }
  } else if (hs.hubspotUser) {
    problems.push([
      'HUBSPOT_USER_PROPERTY',
      `${pair}: HubSpot user properties cannot be mapped; only the owner (${OWNER_MAPPING.sfField} ↔ ${OWNER_MAPPING.hsProperty}) syncs users.`,
    ]);
  } else if (sf.name === OWNER_MAPPING.sfField) {
    problems.push(['OWNER_MAPPING', `${pair}: ${sf.name} can be mapped only to ${OWNER_MAPPING.hsProperty}.`]);
  } else if (!typesCompatible(sf, hs)) {
    problems.push([
      'MISMATCHED_TYPES',
      `Mismatched types: ${pair} pairs a Salesforce ${sf.type} field with a HubSpot ${hs.type} (${hs.fieldType}) property.`,
    ]);
  }

  // Decision: a formula or read-only field is accepted only under a rule that never writes to it
  // ("Always use Salesforce" or "Don't sync"), so that SF-to-HS flow of formula values stays possible.
  if ((sf.calculated || !sf.updateable) && ruleWritesSf(mapping.rule)) {
    const what = sf.calculated ? 'a formula field' : 'read-only';
    problems.push([
      'READ_ONLY_SF_FIELD',
      `${pair}: ${sf.name} is ${what} in Salesforce and cannot receive values; use "${SYNC_RULE_LABELS.ALWAYS_SF}" or "${SYNC_RULE_LABELS.NONE}".`,
    ]);
  }
  if (hs.readOnly && ruleWritesHs(mapping.rule)) {
    problems.push([
      'READ_ONLY_HS_PROPERTY',
      `${pair}: ${hs.name} is calculated by HubSpot and cannot receive values; use "${SYNC_RULE_LABELS.NONE}".`,
    ]);
  }
  return problems;
}
