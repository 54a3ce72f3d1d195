import { expect, test } from 'vitest';
import { parseCsv } from '../../../main/connectors/salesforce/csv.js';

test.each([
  [
    'plain rows',
    'Id,Name\n1,A\n2,B\n',
    [
      ['Id', 'Name'],
      ['1', 'A'],
      ['2', 'B'],
    ],
  ],
  [
    'CRLF line ends',
    'Id,Name\r\n1,A\r\n',
    [
      ['Id', 'Name'],
      ['1', 'A'],
    ],
  ],
  [
    'quoted comma, quote and line break',
    'Id,Name\n1,"Smith, ""Jr""\nInc"\n',
    [
      ['Id', 'Name'],
      ['1', 'Smith, "Jr"\nInc'],
    ],
  ],
  [
    'empty fields',
    'a,b,c\n,,\n"",x,\n',
    [
      ['a', 'b', 'c'],
      ['', '', ''],
      ['', 'x', ''],
    ],
  ],
  [
    'no trailing line break',
    'a,b\n1,2',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
])('Bulk API 2.0 CSV: %s', (_name, text, rows) => {
  expect(parseCsv(text)).toEqual(rows);
});

test('an unclosed quote is an error, not a silently short row', () => {
  expect(() => parseCsv('a\n"open')).toThrow(/not closed/);
});
