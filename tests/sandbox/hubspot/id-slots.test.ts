/** Records found by numeric id (sandbox/hubspot/id-slots.ts) answer exactly as the id Map would. */
import { describe, expect, it } from 'vitest';
import type { HsObject } from '../../../sandbox/model.js';
import { ObjectTable } from '../../../sandbox/hubspot/object-table.js';

const BASE = 10_000_000_001;
const record = (id: string): HsObject => ({
  id,
  properties: { name: `Company ${id}` },
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  archived: false,
});

describe('HubSpot record lookup by id', () => {
  it('finds sequential ids, misses non-canonical spellings and archived records, and keeps off-range ids', () => {
    const table = new ObjectTable('companies', [], BASE);
    table.load([String(BASE), String(BASE + 1), String(BASE + 5), '42'].map(record));
    expect(table.get(String(BASE + 1))?.id).toBe(String(BASE + 1));
    expect(table.get(String(BASE + 5))?.id).toBe(String(BASE + 5));
    expect(table.get('42')?.id).toBe('42'); // outside the slot range: the Map answers
    for (const miss of [String(BASE + 2), `0${BASE + 1}`, `${BASE + 1}.0`, ' 10000000002', '', 'abc', '-1']) {
      expect(table.get(miss)).toBeUndefined();
    }
    expect(table.archive(String(BASE + 1), '2025-02-01T00:00:00.000Z')).toBe(true);
    expect(table.get(String(BASE + 1))).toBeUndefined();
    expect(table.getArchived(String(BASE + 1))?.archived).toBe(true);
    const created = record(table.allocateId());
    table.insert(created);
    expect(created.id).toBe(String(BASE + 6));
    expect(table.get(created.id)).toBe(created);
  });

  it('without off-range ids a slot miss is final; with them the Map still answers', () => {
    const sequential = new ObjectTable('contacts', [], BASE);
    sequential.load([record(String(BASE))]);
    expect(sequential.get('7')).toBeUndefined();
    const mixed = new ObjectTable('contacts', [], BASE);
    mixed.load([record('7'), record(String(BASE))]);
    expect(mixed.get('7')?.id).toBe('7');
    expect(mixed.archive('7', '2025-02-01T00:00:00.000Z')).toBe(true);
    expect(mixed.get('7')).toBeUndefined();
  });
});
