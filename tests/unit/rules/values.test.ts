import { describe, expect, test } from 'vitest';
import { equalValues, isBlank, splitMultiValue } from '../../../main/engine/rules/equality.js';
import { hsToSfValue, type SfValue, sfToHsValue } from '../../../main/engine/rules/values.js';
import { field, property } from './fixtures.js';

describe('R7 SF → HS values', () => {
  test.each<{ name: string; sf: string; hs: string; value: SfValue; expected: string | null }>([
    { name: 'text as is', sf: 'Name', hs: 'name', value: 'Acme AB', expected: 'Acme AB' },
    { name: 'null clears', sf: 'Name', hs: 'name', value: null, expected: null },
    { name: 'blank clears', sf: 'BillingCity', hs: 'city', value: '  ', expected: null },
    {
      name: 'R7.8 Website through the domain normaliser',
      sf: 'Website',
      hs: 'domain',
      value: 'https://www.Acme.com/en',
      expected: 'acme.com',
    },
    { name: 'integer', sf: 'NumberOfEmployees', hs: 'numberofemployees', value: 250, expected: '250' },
    { name: 'currency', sf: 'AnnualRevenue', hs: 'annualrevenue', value: 1250000.5, expected: '1250000.5' },
    { name: 'boolean true', sf: 'Is_Partner__c', hs: 'is_partner', value: true, expected: 'true' },
    { name: 'boolean false is a value', sf: 'Is_Partner__c', hs: 'is_partner', value: false, expected: 'false' },
    { name: 'date', sf: 'Renewal__c', hs: 'renewal_date', value: '2026-03-01', expected: '2026-03-01' },
    {
      name: 'SF datetime with +0000',
      sf: 'Last_Touch__c',
      hs: 'last_touch',
      value: '2026-01-02T03:04:05.000+0000',
      expected: '2026-01-02T03:04:05.000Z',
    },
    { name: 'R7.7 picklist by option label', sf: 'Industry', hs: 'industry', value: 'Banking', expected: 'BANKING' },
    {
      name: 'R7.7 picklist by case-insensitive value',
      sf: 'Industry',
      hs: 'industry',
      value: 'retail',
      expected: 'RETAIL',
    },
    {
      name: 'R7.7 multipicklist ; to checkbox ;',
      sf: 'Rating__c',
      hs: 'rating',
      value: 'Hot;Warm',
      expected: 'hot;warm',
    },
    {
      name: 'R7.7 multipicklist drops blanks and repeats',
      sf: 'Rating__c',
      hs: 'rating',
      value: 'Hot; ;Hot',
      expected: 'hot',
    },
  ])('$name', ({ sf, hs, value, expected }) => {
    expect(sfToHsValue(value, field(sf), property(hs))).toEqual({ ok: true, value: expected });
  });

  test.each<{ name: string; sf: string; hs: string; value: SfValue; code: string }>([
    {
      name: 'R7.7 picklist value missing in HubSpot',
      sf: 'Industry',
      hs: 'industry',
      value: 'Technology',
      code: 'PICKLIST_VALUE_MISSING',
    },
    {
      name: 'R7.7 one multipicklist value missing in HubSpot',
      sf: 'Rating__c',
      hs: 'rating',
      value: 'Hot;Cold',
      code: 'PICKLIST_VALUE_MISSING',
    },
    { name: 'R7.8 an unusable Website', sf: 'Website', hs: 'domain', value: 'n/a', code: 'INVALID_DOMAIN' },
    {
      name: 'R7.7 an impossible date',
      sf: 'Renewal__c',
      hs: 'renewal_date',
      value: '2026-02-30',
      code: 'INVALID_DATE',
    },
  ])('$name is a property value error, not a drop', ({ sf, hs, value, code }) => {
    const result = sfToHsValue(value, field(sf), property(hs));
    expect(result).toEqual({
      ok: false,
      error: { category: 'PROPERTY_VALUE', code, field: hs, value, message: expect.any(String) },
    });
  });

  test('R7.7 the error names the value that has no counterpart', () => {
    const result = sfToHsValue('Hot;Cold', field('Rating__c'), property('rating'));
    expect(result.ok ? '' : result.error.message).toBe('"Cold" is not an option of HubSpot property rating.');
  });
});

describe('R7 HS → SF values', () => {
  test.each<{ name: string; sf: string; hs: string; value: string | null; expected: SfValue }>([
    { name: 'text as is', sf: 'Name', hs: 'name', value: 'Acme AB', expected: 'Acme AB' },
    { name: 'blank clears', sf: 'Name', hs: 'name', value: '', expected: null },
    { name: 'integer', sf: 'NumberOfEmployees', hs: 'numberofemployees', value: '250', expected: 250 },
    {
      name: 'whole number with decimals',
      sf: 'NumberOfEmployees',
      hs: 'numberofemployees',
      value: '12.0',
      expected: 12,
    },
    { name: 'currency', sf: 'AnnualRevenue', hs: 'annualrevenue', value: ' 1e6 ', expected: 1_000_000 },
    { name: 'boolean', sf: 'Is_Partner__c', hs: 'is_partner', value: 'TRUE', expected: true },
    { name: 'blank boolean is unchecked', sf: 'Is_Partner__c', hs: 'is_partner', value: '', expected: false },
    { name: 'date', sf: 'Renewal__c', hs: 'renewal_date', value: '2026-03-01', expected: '2026-03-01' },
    {
      name: 'date from epoch millis',
      sf: 'Renewal__c',
      hs: 'renewal_date',
      value: '1772323200000',
      expected: '2026-03-01',
    },
    {
      name: 'datetime keeps the instant',
      sf: 'Last_Touch__c',
      hs: 'last_touch',
      value: '2026-01-02T03:04:05Z',
      expected: '2026-01-02T03:04:05.000Z',
    },
    {
      name: 'R7.8 domain to Website normalised',
      sf: 'Website',
      hs: 'domain',
      value: 'WWW.Acme.com',
      expected: 'acme.com',
    },
    {
      name: 'R7.7 enumeration to picklist by label',
      sf: 'Industry',
      hs: 'industry',
      value: 'BANKING',
      expected: 'Banking',
    },
    { name: 'R7.7 checkbox to multipicklist', sf: 'Rating__c', hs: 'rating', value: 'hot;warm', expected: 'Hot;Warm' },
  ])('$name', ({ sf, hs, value, expected }) => {
    expect(hsToSfValue(value, field(sf), property(hs))).toEqual({ ok: true, value: expected });
  });

  test.each<{ name: string; sf: string; hs: string; value: string; code: string }>([
    {
      name: 'R7.7 enumeration value missing in Salesforce',
      sf: 'Industry',
      hs: 'industry',
      value: 'COMPUTER_SOFTWARE',
      code: 'PICKLIST_VALUE_MISSING',
    },
    {
      name: 'R7.7 inactive Salesforce picklist value',
      sf: 'Industry',
      hs: 'industry',
      value: 'RETAIL',
      code: 'PICKLIST_VALUE_MISSING',
    },
    { name: 'R7.7 text longer than the field', sf: 'Code__c', hs: 'city', value: 'ABCDEF', code: 'TOO_LONG' },
    { name: 'R7.7 not a number', sf: 'AnnualRevenue', hs: 'annualrevenue', value: '1,000', code: 'NOT_A_NUMBER' },
    {
      name: 'R7.7 not a whole number',
      sf: 'NumberOfEmployees',
      hs: 'numberofemployees',
      value: '12.5',
      code: 'NOT_AN_INTEGER',
    },
    { name: 'R7.7 not a boolean', sf: 'Is_Partner__c', hs: 'is_partner', value: 'yes', code: 'NOT_A_BOOLEAN' },
    { name: 'R7.7 not a date', sf: 'Renewal__c', hs: 'renewal_date', value: 'next week', code: 'INVALID_DATE' },
    { name: 'R7.8 not a domain', sf: 'Website', hs: 'domain', value: 'localhost', code: 'INVALID_DOMAIN' },
  ])('$name is a property value error on the SF field', ({ sf, hs, value, code }) => {
    const result = hsToSfValue(value, field(sf), property(hs));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ category: 'PROPERTY_VALUE', code, field: sf, value });
  });
});

describe('R2.4 / R7.4 equalValues for diffing', () => {
  test.each<{ a: SfValue | undefined; b: SfValue | undefined; equal: boolean; multi?: boolean }>([
    { a: '', b: null, equal: true },
    { a: '  ', b: undefined, equal: true },
    { a: null, b: null, equal: true },
    { a: '10', b: 10, equal: true },
    { a: 10, b: '10.0', equal: true },
    { a: 10, b: '1e1', equal: true },
    { a: 10, b: '11', equal: false },
    { a: 0, b: '', equal: false },
    { a: 0, b: null, equal: false },
    { a: 'abc', b: 1, equal: false },
    { a: true, b: 'true', equal: true },
    { a: false, b: 'FALSE', equal: true },
    { a: false, b: null, equal: false },
    { a: 'Acme', b: ' Acme ', equal: true },
    { a: 'Acme', b: 'ACME', equal: false },
    // Phone numbers and codes are strings: never compared as numbers.
    { a: '0701234567', b: '701234567', equal: false },
    { a: '2026-01-02T03:04:05.000+0000', b: '2026-01-02T03:04:05Z', equal: true },
    { a: '2026-01-02T03:04:05Z', b: '2026-01-02T03:04:06Z', equal: false },
    { a: 'a;b', b: 'b;a', equal: false },
    { a: 'a;b', b: 'b; a;a', equal: true, multi: true },
    { a: 'a;b', b: 'a', equal: false, multi: true },
  ])('R7.4 equalValues($a, $b) = $equal', ({ a, b, equal, multi }) => {
    expect(equalValues(a, b, { multiValue: multi })).toBe(equal);
    expect(equalValues(b, a, { multiValue: multi })).toBe(equal);
  });

  test('R7.7 multi-select values split on ; without blanks or repeats', () => {
    expect(splitMultiValue(' a ;b;;a; ')).toEqual(['a', 'b']);
    expect(isBlank(' ')).toBe(true);
    expect(isBlank(false)).toBe(false);
  });
});
