import { expect, test } from 'vitest';
import type { DirectionOutcome, RunOutcome } from '../../../shared/contract/index.js';
import { headlineOf } from '../../../main/engine/outcome/headline.js';

const side = (direction: DirectionOutcome['direction'], fields: string[], values: number): DirectionOutcome => ({
  direction,
  considered: 10,
  planned: { create: 2, update: 3, skip: 5, hold: 0 },
  records: { created: 2, updated: 3, unchanged: 5, held: 0, failed: 0, pending: 0 },
  failedByCategory: {},
  rejected: { values, records: values, fields, groups: [] },
  warnings: 0,
});

const outcome = (toHubSpot: string[], toSalesforce: string[]): Omit<RunOutcome, 'headline'> => ({
  runId: 'r1',
  kind: 'import',
  state: 'completed',
  dryRun: false,
  createdAt: '2026-12-06T00:00:00.000Z',
  endedAt: '2026-12-06T00:01:00.000Z',
  read: { accounts: 10, companies: 10 },
  to_hubspot: side('to_hubspot', toHubSpot, toHubSpot.length * 4),
  to_salesforce: side('to_salesforce', toSalesforce, toSalesforce.length),
  linkWriteBacks: { written: 0, failed: 0, pending: 0 },
  totals: { failed: 0, held: 0, pending: 0, rejectedValues: toHubSpot.length * 4 + toSalesforce.length, warnings: 0 },
  verdict: 'problems',
  error: null,
});

test('R9.4 a field rejected on both sides is named once in the headline', () => {
  const line = headlineOf(outcome(['industry'], ['Industry']));
  expect(line).toBe('Written with problems: 5 in HubSpot, 5 in Salesforce; 5 values were rejected (industry).');
});

test('R9.4 more than three rejected fields are summed up, not listed', () => {
  const line = headlineOf(outcome(['industry', 'type', 'state', 'country'], ['Rating']));
  expect(line).toContain('(industry, type, state and 2 more)');
});
