import { expect, test } from 'vitest';
import { parseFaultSpec } from '../../sandbox/faults/faults.js';

test('fault spec parses and rejects unknown names', () => {
  expect(parseFaultSpec('429=0.5,slow=0.1@300').slowMs).toBe(300);
  expect(() => parseFaultSpec('nope=1')).toThrow(/Unknown fault/);
});
