/**
 * RunOutcome: the one account of what a run planned and what it did, per run and per direction. Every view that
 * counts a run reads it and nothing else: the CLI summary (import, sync, resync, `runs show`), the Import page
 * (previewed and finished), Sync health (the last real run) and the Log (the run picked in its run filter).
 * Computed in one place, main/engine/outcome/, from the run's journal (run_ops) and its log entries.
 * Renderer: `getRunOutcome({ runId })` after a `run` event (or on opening a view); `getHealth().lastRunOutcome`.
 */

export const directions = ['to_hubspot', 'to_salesforce'] as const;
/** Which system a record is written to: Salesforce accounts → HubSpot companies, or back. */
export type Direction = (typeof directions)[number];

export const directionLabels: Record<Direction, string> = {
  to_hubspot: 'To HubSpot',
  to_salesforce: 'To Salesforce',
};

/** The plan's decisions for one direction: one per record considered, so they add up to `considered`. */
export interface PlannedDecisions {
  create: number;
  update: number;
  /** Nothing to write (up to date, or not eligible); the reason is on each record. */
  skip: number;
  /** Waits for a person (an ambiguous match, a duplicate link): nothing is written for it. */
  hold: number;
}

/**
 * What happened to the records of one direction; together they add up to `considered`.
 * A record written with some values dropped counts as created/updated here AND appears in `rejected`.
 */
export interface RecordOutcomes {
  created: number;
  updated: number;
  /** Skipped: nothing needed writing. */
  unchanged: number;
  held: number;
  /** The write was refused as a whole; the record waits in the retry queue. */
  failed: number;
  /** Planned, not written yet (a paused or interrupted run, or a dry run). */
  pending: number;
}

/** How a rejected value can be fixed; the label is what a person reads. */
export const valueFixes = ['map_value', 'add_option', 'exclude_field', 'fix_mapping', 'fix_value'] as const;
export type ValueFix = (typeof valueFixes)[number];
export const valueFixLabels: Record<ValueFix, string> = {
  map_value: 'Map the value to one the other system accepts',
  add_option: 'Add the value as an option in the other system',
  exclude_field: 'Exclude the field from the mappings',
  fix_mapping: 'Fix the mapping (the field or property no longer exists)',
  fix_value: 'Correct the value in the system it comes from',
};

export interface RecordRef {
  sfAccountId: string | null;
  hsCompanyId: string | null;
  /** The account or company name as the run saw it. */
  name: string | null;
}

/** Values of one field dropped for one reason: same field, category, code and value. */
export interface RejectedValueGroup {
  /** The field that would have received the value: a HubSpot property (to_hubspot) or a Salesforce field. */
  field: string;
  /** Error category (PROPERTY_VALUE for values). */
  category: string;
  /** Why (INVALID_OPTION, TOO_LONG …); explanations.ts has the one-liner. */
  code: string;
  /** The value as it would have been written; null when not known. */
  value: string | null;
  /** A person's sentence for the first record of the group. */
  message: string;
  /** Records with this value dropped (one value per record). */
  count: number;
  /** The first records (at most 20), for a link or a list. */
  records: RecordRef[];
  fixes: ValueFix[];
}

/** Values dropped from records that were written (or, in a dry run, would be). */
export interface RejectedValues {
  /** Values dropped, over all fields. */
  values: number;
  /** Records with at least one value dropped. */
  records: number;
  /** The fields concerned, most values first. */
  fields: string[];
  /** Most values first. */
  groups: RejectedValueGroup[];
}

export interface DirectionOutcome {
  direction: Direction;
  /** Records this direction decided on (accounts for to_hubspot; accounts and companies for to_salesforce). */
  considered: number;
  planned: PlannedDecisions;
  records: RecordOutcomes;
  /** Failed records per error category (AUTH, PROPERTY_VALUE, …). */
  failedByCategory: Record<string, number>;
  rejected: RejectedValues;
  /** Values left alone with a warning (an owner with no match on the other side). */
  warnings: number;
}

/**
 * nothing_to_do: every record was up to date. clean: written, nothing dropped. problems: written, but values were
 * rejected, records failed or records are held. unfinished: paused, interrupted, cancelled or failed as a run.
 * preview: a dry run (nothing written).
 */
export type OutcomeVerdict = 'preview' | 'nothing_to_do' | 'clean' | 'problems' | 'unfinished';

export interface RunOutcome {
  runId: string;
  kind: 'import' | 'sync' | 'resync' | 'apply-mapping' | 'revert';
  state: 'planning' | 'planned' | 'running' | 'paused' | 'cancelled' | 'completed' | 'failed';
  dryRun: boolean;
  createdAt: string;
  endedAt: string | null;
  /** What the run read and decided on: Salesforce accounts, and HubSpot companies evaluated for account creation. */
  read: { accounts: number; companies: number };
  to_hubspot: DirectionOutcome;
  to_salesforce: DirectionOutcome;
  /**
   * Writes of a new account's id back to its HubSpot company: the second step of a create in Salesforce,
   * counted apart so they never inflate "updated in HubSpot".
   */
  linkWriteBacks: { written: number; failed: number; pending: number };
  /** Sums of both directions. */
  totals: { failed: number; held: number; pending: number; rejectedValues: number; warnings: number };
  verdict: OutcomeVerdict;
  /** One sentence a person reads first, e.g. "Written, but 1,130 values were not: industry, …". */
  headline: string;
  /** The run's own note (why it paused or failed), as on RunSummary. */
  error: string | null;
}
