/** The decisions not to write, shaped as journal ops (R9.1: each is logged with its reason). */
import type { CachedSfAccount } from '../cache/salesforce-cache.js';
import type { PlannedOp } from '../runs/ops-store.js';

/** The property that carries the link in HubSpot (R0.1). */
export const LINK_PROPERTY = 'salesforceaccountid';

export const skip = (
  account: CachedSfAccount,
  reason: string,
  hsCompanyId: string | null = null,
  detail: string | null = null,
): PlannedOp[] => [
  {
    system: 'hubspot',
    operation: 'skip',
    sfAccountId: account.id,
    hsCompanyId,
    payload: null,
    diff: [],
    reason,
    detail,
  },
];

/** A record a person must review (R6.4): the candidate companies go with it. */
export const hold = (
  account: CachedSfAccount,
  reason: string,
  candidates: string[],
  facts: Record<string, unknown> = {},
): PlannedOp[] => [
  {
    system: 'hubspot',
    operation: 'hold',
    sfAccountId: account.id,
    hsCompanyId: null,
    payload: null,
    diff: [],
    reason,
    detail: JSON.stringify({ candidates, ...facts }),
  },
];
