import { describe, expect, test } from 'vitest';
import { validateMappings } from '../../../main/engine/rules/mapping-validation.js';
import {
  defaultCompanyMappings,
  type FieldMapping,
  SYNC_RULE_LABELS,
  type SyncRule,
  typesCompatible,
} from '../../../main/engine/rules/mappings.js';
import { accountFields, companyProperties } from './fixtures.js';

const validate = (mappings: FieldMapping[]) => validateMappings(mappings, accountFields, companyProperties);
const codes = (mappings: FieldMapping[]) => validate(mappings).errors.map((error) => error.code);

describe('R7.3 sync rule names', () => {
  test('R7.3 the labels are the exact names', () => {
    expect(SYNC_RULE_LABELS).toEqual({
      PREFER_SF_UNLESS_BLANK: 'Prefer Salesforce unless blank',
      ALWAYS_SF: 'Always use Salesforce',
      TWO_WAY: 'Two-way',
      NONE: "Don't sync",
    });
  });
});

describe('R7.8 default company mappings', () => {
  test('R7.8 the default set is exactly the listed pairs', () => {
    expect(defaultCompanyMappings.map((m) => `${m.sfField}↔${m.hsProperty}`)).toEqual([
      'Name↔name',
      'Website↔domain',
      'Phone↔phone',
      'BillingCity↔city',
      'BillingState↔state',
      'BillingCountry↔country',
      'Industry↔industry',
      'NumberOfEmployees↔numberofemployees',
      'AnnualRevenue↔annualrevenue',
      'Description↔description',
      'OwnerId↔hubspot_owner_id',
    ]);
  });

  test.each([
    { sfField: 'Name', rule: 'TWO_WAY' },
    { sfField: 'Website', rule: 'PREFER_SF_UNLESS_BLANK' },
    { sfField: 'OwnerId', rule: 'TWO_WAY' },
  ])('R7.8 / R7.5 $sfField syncs with rule $rule', ({ sfField, rule }) => {
    expect(defaultCompanyMappings.find((m) => m.sfField === sfField)?.rule).toBe(rule);
  });

  test('R7.8 the defaults pass validation against the standard describes', () => {
    expect(validate([...defaultCompanyMappings])).toEqual({ ok: true, errors: [] });
  });
});

describe('R7.2 type compatibility table', () => {
  const hs = (type: string, fieldType: string) => ({ type, fieldType });
  test.each([
    ['enumeration', 'select', 'picklist', true],
    ['enumeration', 'select', 'reference', true],
    ['enumeration', 'radio', 'picklist', true],
    ['enumeration', 'radio', 'reference', true],
    ['enumeration', 'select', 'multipicklist', false],
    ['enumeration', 'checkbox', 'multipicklist', true],
    ['enumeration', 'checkbox', 'picklist', false],
    ['bool', 'booleancheckbox', 'boolean', true],
    ['bool', 'booleancheckbox', 'string', false],
    ['number', 'number', 'double', true],
    ['number', 'number', 'int', true],
    ['number', 'number', 'currency', true],
    ['number', 'number', 'percent', true],
    ['number', 'number', 'string', false],
    ['string', 'text', 'string', true],
    ['string', 'text', 'textarea', true],
    ['string', 'text', 'url', true],
    ['string', 'text', 'phone', true],
    ['string', 'text', 'email', true],
    ['string', 'text', 'picklist', false],
    ['string', 'text', 'double', false],
    ['string', 'textarea', 'textarea', true],
    ['string', 'textarea', 'string', false],
    ['date', 'date', 'date', true],
    ['date', 'date', 'datetime', true],
    ['datetime', 'date', 'datetime', true],
    ['datetime', 'date', 'date', true],
    ['date', 'date', 'string', false],
    ['string', 'phonenumber', 'phone', true],
    ['json', 'text', 'string', false],
  ] as const)('R7.2 HS %s/%s ↔ SF %s compatible: %s', (type, fieldType, sfType, ok) => {
    expect(typesCompatible({ type: sfType }, hs(type, fieldType))).toBe(ok);
  });
});

describe('R7.1 / R7.2 / R7.5 validateMappings', () => {
  test.each<{ name: string; mappings: FieldMapping[]; expected: string[] }>([
    {
      name: 'R7.1 unknown SF field',
      mappings: [{ sfField: 'Nope__c', hsProperty: 'notes', rule: 'TWO_WAY' }],
      expected: ['UNKNOWN_SF_FIELD'],
    },
    {
      name: 'R7.1 unknown HS property',
      mappings: [{ sfField: 'Description', hsProperty: 'nope', rule: 'TWO_WAY' }],
      expected: ['UNKNOWN_HS_PROPERTY'],
    },
    {
      name: 'R7.1 both unknown',
      mappings: [{ sfField: 'Nope__c', hsProperty: 'nope', rule: 'TWO_WAY' }],
      expected: ['UNKNOWN_SF_FIELD', 'UNKNOWN_HS_PROPERTY'],
    },
    {
      name: 'R7.1 SF field mapped twice (case-insensitive API names)',
      mappings: [
        { sfField: 'Description', hsProperty: 'description', rule: 'TWO_WAY' },
        { sfField: 'description', hsProperty: 'notes', rule: 'TWO_WAY' },
      ],
      expected: ['SF_FIELD_MAPPED_TWICE'],
    },
    {
      name: 'R7.1 HS property mapped twice, even under "Don\'t sync"',
      mappings: [
        { sfField: 'BillingCity', hsProperty: 'city', rule: 'TWO_WAY' },
        { sfField: 'BillingState', hsProperty: 'city', rule: 'NONE' },
      ],
      expected: ['HS_PROPERTY_MAPPED_TWICE'],
    },
    {
      name: 'R7.2 mismatched types (number ↔ text)',
      mappings: [{ sfField: 'AnnualRevenue', hsProperty: 'city', rule: 'TWO_WAY' }],
      expected: ['MISMATCHED_TYPES'],
    },
    {
      name: 'R7.2 mismatched types (textarea property ↔ short string field)',
      mappings: [{ sfField: 'BillingCity', hsProperty: 'notes', rule: 'TWO_WAY' }],
      expected: ['MISMATCHED_TYPES'],
    },
    {
      name: 'R7.2 picklist ↔ select is fine',
      mappings: [{ sfField: 'Industry', hsProperty: 'industry', rule: 'TWO_WAY' }],
      expected: [],
    },
    {
      name: 'R7.2 HubSpot user properties cannot be mapped',
      mappings: [{ sfField: 'Industry', hsProperty: 'hs_team_owner', rule: 'TWO_WAY' }],
      expected: ['HUBSPOT_USER_PROPERTY'],
    },
    {
      name: 'R7.5 OwnerId maps only to hubspot_owner_id',
      mappings: [{ sfField: 'OwnerId', hsProperty: 'industry', rule: 'TWO_WAY' }],
      expected: ['OWNER_MAPPING'],
    },
    {
      name: 'R7.5 the owner is two-way, not one-way',
      mappings: [{ sfField: 'OwnerId', hsProperty: 'hubspot_owner_id', rule: 'ALWAYS_SF' }],
      expected: ['OWNER_MAPPING'],
    },
    {
      name: 'R7.5 the owner may be switched off',
      mappings: [{ sfField: 'OwnerId', hsProperty: 'hubspot_owner_id', rule: 'NONE' }],
      expected: [],
    },
    {
      name: 'R0.1 the link property is reserved',
      mappings: [{ sfField: 'Name', hsProperty: 'salesforceaccountid', rule: 'TWO_WAY' }],
      expected: ['RESERVED_FIELD'],
    },
    {
      name: 'R0.1 the record id is reserved',
      mappings: [{ sfField: 'Id', hsProperty: 'name', rule: 'ALWAYS_SF' }],
      expected: ['RESERVED_FIELD'],
    },
    {
      name: 'R7.3 HS calculated property cannot receive SF values',
      mappings: [{ sfField: 'NumberOfEmployees', hsProperty: 'hs_num_child_companies', rule: 'ALWAYS_SF' }],
      expected: ['READ_ONLY_HS_PROPERTY'],
    },
  ])('$name', ({ mappings, expected }) => {
    expect(codes(mappings)).toEqual(expected);
  });

  test.each<{ rule: SyncRule; ok: boolean }>([
    { rule: 'ALWAYS_SF', ok: true },
    { rule: 'NONE', ok: true },
    { rule: 'PREFER_SF_UNLESS_BLANK', ok: false },
    { rule: 'TWO_WAY', ok: false },
  ])('R7.3 a formula field under "$rule" is accepted: $ok (only rules that never write to SF)', ({ rule, ok }) => {
    const result = validate([{ sfField: 'Score__c', hsProperty: 'score', rule }]);
    expect(result.ok).toBe(ok);
    if (!ok) {
      expect(result.errors[0]?.code).toBe('READ_ONLY_SF_FIELD');
      expect(result.errors[0]?.message).toMatch(/formula field/);
    }
  });

  test('R7.1 each error names its row and says what is wrong', () => {
    const result = validate([
      { sfField: 'Name', hsProperty: 'name', rule: 'TWO_WAY' },
      { sfField: 'AnnualRevenue', hsProperty: 'city', rule: 'TWO_WAY' },
      { sfField: 'Name', hsProperty: 'state', rule: 'TWO_WAY' },
    ]);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      expect.objectContaining({
        index: 1,
        code: 'MISMATCHED_TYPES',
        message: expect.stringMatching(/^Mismatched types/),
      }),
      expect.objectContaining({ index: 2, code: 'SF_FIELD_MAPPED_TWICE', message: expect.stringContaining('row 1') }),
    ]);
  });
});
