/**
 * R4.1 Company lifecycle stage from its contacts. Decision (the source gives no formula): the furthest stage
 * among the associated contacts, in HubSpot's order; `other`, blanks and unknown values (custom stages, which
 * HubSpot keys by numeric id) are ignored, and the company never moves backwards.
 */

export const LIFECYCLE_ORDER = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
] as const;

export type LifecycleStage = (typeof LIFECYCLE_ORDER)[number];

/** Position in LIFECYCLE_ORDER, or -1 for `other`, blank or unknown (such a value ranks below every stage). */
export function lifecycleRank(stage: string | null | undefined): number {
  if (stage == null) return -1;
  return (LIFECYCLE_ORDER as readonly string[]).indexOf(stage.trim().toLowerCase());
}

/**
 * The stage the company should move to, or null when it stays as it is (no contact has a known stage, or the
 * company is already at or beyond the furthest contact stage). A company at `other` or an unknown stage is moved
 * to the contacts' furthest stage, since it has no place in the order to fall back from.
 */
export function nextCompanyLifecycleStage(
  companyStage: string | null | undefined,
  contactStages: ReadonlyArray<string | null | undefined>,
): LifecycleStage | null {
  // A loop, not Math.max(...spread): a company can have more contacts than the call stack has room for.
  let furthestRank = -1;
  for (const stage of contactStages) furthestRank = Math.max(furthestRank, lifecycleRank(stage));
  if (furthestRank < 0 || furthestRank <= lifecycleRank(companyStage)) return null;
  return LIFECYCLE_ORDER[furthestRank] ?? null;
}
