import { describe, expect, test } from 'vitest';
import { csvField, retriesCsv, toCsv } from '../../../renderer/src/format/csv.js';
import {
  addSample,
  etaSeconds,
  phaseLabel,
  phaseStep,
  progressFraction,
  RATE_WINDOW_MS,
  ratePerSecond,
} from '../../../renderer/src/format/progress-math.js';
import { chartRows } from '../../../renderer/src/pages/sync-health/ErrorChart.js';

describe('CSV', () => {
  test('fields are quoted only when they must be, quotes doubled, lines end CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });

  test('a value that a spreadsheet would run as a formula is disarmed', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1 (555) 010')).toBe("'+1 (555) 010");
  });

  test('R9.4 the errors export has one row per failed record', () => {
    const csv = retriesCsv([
      {
        system: 'hubspot',
        recordId: '001Ha0000000003IAA',
        operation: 'create',
        attempts: 2,
        nextAttemptAt: '2024-05-01T10:20:00.000Z',
        category: 'PROPERTY_VALUE',
        message: 'industry: "Food & Beverage" is not an option, sorry',
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'system,record_id,operation,category,message,attempts,next_attempt_at',
      'hubspot,001Ha0000000003IAA,create,PROPERTY_VALUE,"industry: ""Food & Beverage"" is not an option, sorry",2,2024-05-01T10:20:00.000Z',
      '',
    ]);
  });
});

describe('progress math', () => {
  test('fraction: null while the total is unknown, clamped otherwise', () => {
    expect(progressFraction(10, null)).toBeNull();
    expect(progressFraction(50, 200)).toBe(0.25);
    expect(progressFraction(300, 200)).toBe(1);
    expect(progressFraction(0, 0)).toBe(1);
  });

  test('rate over the samples, ETA from the rate', () => {
    let samples = addSample([], { at: 0, done: 0 });
    expect(ratePerSecond(samples)).toBeNull();
    samples = addSample(samples, { at: 2000, done: 100 });
    samples = addSample(samples, { at: 4000, done: 200 });
    expect(ratePerSecond(samples)).toBe(50);
    expect(etaSeconds(200, 1200, 50)).toBe(20);
    expect(etaSeconds(200, null, 50)).toBeNull();
    expect(etaSeconds(200, 1200, null)).toBeNull();
  });

  test('old samples leave the window, so a slow start does not skew the rate forever', () => {
    let samples = addSample([], { at: 0, done: 0 });
    samples = addSample(samples, { at: 60_000, done: 100 });
    samples = addSample(samples, { at: 61_000, done: 600 });
    expect(samples.every((s) => 61_000 - s.at <= RATE_WINDOW_MS)).toBe(true);
    expect(ratePerSecond(samples)).toBe(500);
  });

  test('a drop in done (a new phase or a resumed run) starts afresh', () => {
    const samples = addSample([{ at: 0, done: 500 }], { at: 1000, done: 10 });
    expect(samples).toEqual([{ at: 1000, done: 10 }]);
  });

  test('phases have names a person understands', () => {
    expect(phaseLabel('execute')).toBe('Writing records');
    expect(phaseStep('refresh-salesforce')).toEqual({ step: 2, of: 4 });
    expect(phaseStep('done')).toBeNull();
    expect(phaseLabel('refresh-salesforce')).toBe('Reading Salesforce accounts');
    expect(phaseLabel('something-new')).toBe('something-new');
  });
});

describe('sync health helpers', () => {
  test('R9.2 the chart lists every category, then any other the engine reported', () => {
    const rows = chartRows({ PROPERTY_VALUE: 3, UNCATEGORIZED: 2 });
    expect(rows.map((r) => r.category)).toEqual([
      'ASSOCIATIONS',
      'CUSTOM_CODE',
      'DUPLICATES',
      'PERMISSIONS',
      'PROPERTY_VALUE',
      'API_LIMIT',
      'NETWORK',
      'AUTH',
      'UNCATEGORIZED',
    ]);
    expect(rows.find((r) => r.category === 'PROPERTY_VALUE')?.records).toBe(3);
  });

  test('values not written count in their category, so a category with dropped values is never shown as 0', () => {
    const rows = chartRows({}, { PROPERTY_VALUE: 1130 });
    expect(rows.find((r) => r.category === 'PROPERTY_VALUE')).toEqual({
      category: 'PROPERTY_VALUE',
      records: 0,
      values: 1130,
    });
  });
});
