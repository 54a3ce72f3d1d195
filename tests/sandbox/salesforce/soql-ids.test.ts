import { describe, expect, it } from 'vitest';
import { normalizeId, to18 } from '../../../sandbox/salesforce/ids.js';
import { SoqlError } from '../../../sandbox/salesforce/soql/errors.js';
import { parseSoql } from '../../../sandbox/salesforce/soql/parser.js';

describe('Salesforce ids and the SOQL parser', () => {
  it('to18 appends the case-safe checksum (00300000003T2PG → 00300000003T2PGAA0)', () => {
    expect(to18('00300000003T2PG')).toBe('00300000003T2PGAA0');
    expect(to18('001000000000001')).toBe('001000000000001AAA');
    expect(normalizeId('00300000003T2PG')).toBe('00300000003T2PGAA0');
    expect(normalizeId('not an id')).toBeUndefined();
  });

  it('parses fields, nested AND/OR, NOT IN, NULL, ORDER BY with NULLS LAST, LIMIT and OFFSET', () => {
    const q = parseSoql(
      "select Id, Name from account where (Email != null or Name in ('a','b')) and not IsDeleted = true and AccountId not in ('x') order by Name desc nulls last, Id limit 10 offset 5",
    );
    expect(q.fields.map((f) => f.name)).toEqual(['Id', 'Name']);
    expect(q.where?.type).toBe('and');
    expect(q.orderBy).toEqual([
      expect.objectContaining({ descending: true, nullsLast: true }),
      expect.objectContaining({ descending: false, nullsLast: false }),
    ]);
    expect([q.limit, q.offset]).toEqual([10, 5]);
  });

  it('datetime literals with Z, offsets and millis become canonical UTC ISO', () => {
    const at = (literal: string) => {
      const where = parseSoql(`SELECT Id FROM Account WHERE SystemModstamp > ${literal}`).where;
      return where?.type === 'compare' && where.value.kind === 'datetime' ? where.value.value : undefined;
    };
    expect(at('2026-01-01T00:00:00Z')).toBe('2026-01-01T00:00:00.000Z');
    expect(at('2026-01-01T01:00:00+01:00')).toBe('2026-01-01T00:00:00.000Z');
    expect(at('2026-01-01T00:00:00.250-0800')).toBe('2026-01-01T08:00:00.250Z');
  });

  it.each([
    'SELECT FROM Account',
    'SELECT Id FROM Account GROUP BY Id',
    'SELECT COUNT(Id) FROM Account',
    "SELECT Id FROM Account WHERE Name = 'unterminated",
    'SELECT Id FROM Account LIMIT x',
    'SELECT Id, (SELECT Id FROM Contacts) FROM Account',
  ])('MALFORMED_QUERY: %s', (soql) => {
    expect(() => parseSoql(soql)).toThrowError(SoqlError);
    try {
      parseSoql(soql);
    } catch (error) {
      expect((error as SoqlError).errorCode).toBe('MALFORMED_QUERY');
    }
  });
});
