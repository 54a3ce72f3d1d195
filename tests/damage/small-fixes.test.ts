/** Settings ids are validated like the contract's other HubSpot ids. */
import { expect, test } from 'vitest';
import { settingsSchema } from '../../shared/contract/index.js';

test('R3.1c inclusionListId must be a HubSpot list id (digits), not any string', () => {
  expect(settingsSchema.shape.inclusionListId.safeParse('501').success).toBe(true);
  expect(settingsSchema.shape.inclusionListId.safeParse(null).success).toBe(true);
  expect(settingsSchema.shape.inclusionListId.safeParse('x'.repeat(100_000)).success).toBe(false);
  expect(settingsSchema.shape.inclusionListId.safeParse('12 OR 1=1').success).toBe(false);
});
