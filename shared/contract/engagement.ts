/** Shapes of the engagement features as the renderer sees them: hold review (R6.4). */
import { z } from 'zod';
import type { RunSummary } from './runs.js';

export const holdActionNames = ['link', 'create', 'skip'] as const;
export type HoldActionName = (typeof holdActionNames)[number];

/** One candidate company of a held account, with the facts that make it a candidate. */
export interface HoldCandidateView {
  companyId: string;
  name: string | null;
  domain: string | null;
  /** HubSpot contacts of this company that sync with Salesforce contacts of the account (R6.2). */
  sharedContacts: { id: string; email: string | null }[];
  sameDomain: boolean;
  sameName: boolean;
  /** The account this company is linked to now, if any (then it cannot be chosen). */
  linkedToAccount: string | null;
}

export interface HoldView {
  sfAccountId: string;
  accountName: string | null;
  domain: string | null;
  /** AMBIGUOUS_MATCH, DUPLICATE_LINK, or why a decision could not be carried out (CHOSEN_COMPANY_TAKEN, …). */
  reason: string;
  category: 'DUPLICATES';
  message: string;
  runId: string;
  heldAt: string;
  candidates: HoldCandidateView[];
  /** A decision taken that is not carried out yet (a link whose company was taken meanwhile). */
  decision: { action: HoldActionName; hsCompanyId: string | null } | null;
}

export interface HoldsPage {
  holds: HoldView[];
  /** Every unresolved hold across runs, not only this page. */
  total: number;
}

const sfId = z.string().regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/, 'a 15- or 18-character Salesforce Id');
const hsId = z.string().regex(/^[0-9]{1,20}$/, 'a HubSpot record id (digits)');

export const holdActionSchema = z
  .object({ sfAccountId: sfId, action: z.enum(holdActionNames), hsCompanyId: hsId.optional() })
  .strict();
export type HoldActionInput = z.infer<typeof holdActionSchema>;

export interface HoldActionRejected {
  sfAccountId: string;
  code: 'NOT_FOUND' | 'VALIDATION' | 'CONFLICT';
  category: 'DUPLICATES' | null;
  message: string;
}

export interface HoldActionsOutcome {
  /** The run carrying the accepted decisions out (journaled and logged like any write); null when none was accepted. */
  run: RunSummary | null;
  accepted: string[];
  rejected: HoldActionRejected[];
}

/**
 * R7.6 apply a mapping to existing records: which writes the run may make. `both` follows the mapping's sync rule
 * wherever it leads; the other two keep only the writes into that system.
 */
export const applyDirections = ['both', 'to_hubspot', 'to_salesforce'] as const;
export type ApplyDirection = (typeof applyDirections)[number];
