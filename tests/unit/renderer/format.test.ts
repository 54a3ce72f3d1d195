import { describe, expect, test } from 'vitest';
import { parseDetail } from '../../../renderer/src/format/detail.js';
import {
  formatCount,
  formatDuration,
  formatPercent,
  formatRate,
  formatRelative,
  formatValue,
  localInputToIso,
} from '../../../renderer/src/format/format.js';
import { categoryLabel, reasonLabel, ruleLabels } from '../../../renderer/src/format/labels.js';
import { logConflict, logFieldRows } from '../../../renderer/src/format/log-changes.js';
import { filtersFromHash, emptyFilters, toLogQuery } from '../../../renderer/src/pages/log/log-query.js';
import { mappingRowErrors } from '../../../renderer/src/pages/sync-settings/mapping-errors.js';

describe('formatting', () => {
  test('counts, percents, rates and durations read as a person says them', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatPercent(0.456)).toBe('46 %');
    expect(formatPercent(0.0012)).toBe('0.1 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(1.2)).toBe('100 %');
    expect(formatRate(3.25)).toBe('3.3 records/s');
    expect(formatRate(412.6)).toBe('413 records/s');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(75)).toBe('1 min 15 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(4000)).toBe('1 h 7 min');
  });

  test('relative times: next attempts in the future, past ones ago', () => {
    const now = new Date('2024-05-01T10:00:00Z');
    expect(formatRelative('2024-05-01T10:20:00Z', now)).toBe('in 20 min');
    expect(formatRelative('2024-05-01T09:57:00Z', now)).toBe('3 min ago');
    expect(formatRelative('2024-05-01T10:00:10Z', now)).toBe('now');
  });

  test('blank values are shown as "(blank)", never as an empty cell', () => {
    expect(formatValue(null)).toBe('(blank)');
    expect(formatValue('')).toBe('(blank)');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(false)).toBe('false');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
  });

  test('datetime-local input → ISO; empty or invalid → left out', () => {
    expect(localInputToIso('')).toBeUndefined();
    expect(localInputToIso('not a date')).toBeUndefined();
    expect(localInputToIso('2024-05-01T10:00')).toBe(new Date('2024-05-01T10:00').toISOString());
  });

  test('R7.3 rule labels use the exact names; codes become readable words', () => {
    expect(Object.values(ruleLabels)).toEqual([
      'Prefer Salesforce unless blank',
      'Always use Salesforce',
      'Two-way',
      "Don't sync",
    ]);
    expect(reasonLabel('AMBIGUOUS_MATCH')).toBe('Several possible companies');
    expect(reasonLabel('SOME_NEW_CODE')).toBe('Some new code');
    expect(categoryLabel('PROPERTY_VALUE')).toBe('Field values');
    expect(categoryLabel('UNCATEGORIZED')).toBe('Other');
  });
});

describe('engine texts', () => {
  test('R6.4 a hold detail yields its candidate ids; problems and plain text are kept', () => {
    expect(parseDetail('{"candidates":["10000000082","10000000083"]}').candidates).toEqual([
      '10000000082',
      '10000000083',
    ]);
    const problems = parseDetail(
      '{"problems":[{"field":"industry","category":"PROPERTY_VALUE","code":"NO_OPTION","message":"not an option"}]}',
    );
    expect(problems.problems).toEqual([
      { field: 'industry', category: 'PROPERTY_VALUE', code: 'NO_OPTION', message: 'not an option' },
    ]);
    expect(parseDetail('INTERNAL_ERROR: retry').text).toBe('INTERNAL_ERROR: retry');
    expect(parseDetail('{broken').text).toBe('{broken');
    expect(parseDetail(null)).toEqual({ candidates: [], problems: [], text: null });
  });

  test('R9.1 log before/after become field rows; R7.4 conflict values are kept apart', () => {
    const entry = {
      before: { name: 'Eagle (HQ)', sfValue: 'Eagle', hsValue: 'Eagle (HQ)' },
      after: { name: 'Eagle' },
      outcome: 'conflict' as const,
    };
    expect(logFieldRows(entry)).toEqual([{ field: 'name', before: 'Eagle (HQ)', after: 'Eagle', changed: true }]);
    expect(logConflict(entry)).toEqual({ sfValue: 'Eagle', hsValue: 'Eagle (HQ)' });
    expect(logConflict({ before: { name: null }, outcome: 'written' })).toBeNull();
    expect(logFieldRows({ before: null, after: { city: 'Oslo' } })).toEqual([
      { field: 'city', before: null, after: 'Oslo', changed: true },
    ]);
  });

  test("R7.1 saveMappings errors are split per row, from the message and from details' paths", () => {
    const rows = mappingRowErrors({
      code: 'VALIDATION',
      message:
        'Row 3 (CreatedDate ↔ name): Mismatched types: CreatedDate ↔ name pairs a Salesforce datetime field with a HubSpot string (text) property. Row 5 (Phone ↔ phone): HubSpot property phone is already mapped (row 2); a property can be mapped only once.',
      details: ['mappings.2', 'mappings.4', 'mappings.7'],
    });
    expect(rows.get(2)?.[0]).toMatch(/^Mismatched types: CreatedDate/);
    expect(rows.get(4)?.[0]).toMatch(/already mapped \(row 2\)/);
    expect(rows.get(7)).toEqual(['This row is not valid.']);
    expect(rows.size).toBe(3);
  });
});

describe('log filters', () => {
  test('empty fields are left out of the query; times become ISO', () => {
    expect(toLogQuery(emptyFilters)).toEqual({});
    expect(
      toLogQuery({ ...emptyFilters, recordId: ' 001Ha0000000002IAA ', outcome: 'failed', since: '2024-05-01T10:00' }),
    ).toEqual({ recordId: '001Ha0000000002IAA', outcome: 'failed', since: new Date('2024-05-01T10:00').toISOString() });
    expect(toLogQuery({ ...emptyFilters, outcome: 'bogus' })).toEqual({});
  });

  test('links from other pages carry a run or record filter in the hash', () => {
    expect(filtersFromHash('#/log?run=run_1&record=001A')).toMatchObject({ runId: 'run_1', recordId: '001A' });
    expect(filtersFromHash('#/log')).toEqual(emptyFilters);
  });
});
