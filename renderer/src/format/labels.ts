/** Words for the engine's codes. Unknown codes are shown in words, so a new code is never hidden. */
import { type ExplanationKind, explain } from '../../../shared/contract/explanations.js';
import { errorCategories } from '../../../shared/contract/runs.js';
import { directionLabels } from '../../../shared/contract/outcome.js';
import type { LogEntryView, LogOutcome, RunKind, RunState, SyncRuleName } from '../../../shared/contract/runs.js';

export const ruleLabels: Record<SyncRuleName, string> = {
  PREFER_SF_UNLESS_BLANK: 'Prefer Salesforce unless blank',
  ALWAYS_SF: 'Always use Salesforce',
  TWO_WAY: 'Two-way',
  NONE: "Don't sync",
};

export const ruleNames = Object.keys(ruleLabels) as SyncRuleName[];

export const runKindLabels: Record<RunKind, string> = {
  import: 'Import',
  sync: 'Sync',
  resync: 'Resync',
  'apply-mapping': 'Apply mapping',
  revert: 'Revert',
};

export const runStateLabels: Record<RunState, string> = {
  planning: 'Planning',
  planned: 'Planned',
  running: 'Running',
  paused: 'Paused',
  cancelled: 'Cancelled',
  completed: 'Completed',
  failed: 'Failed',
};

export const isRunFinished = (state: RunState): boolean => ['completed', 'cancelled', 'failed'].includes(state);
/** A real run that stopped part-way and can go on where it stopped. */
export const isRunResumable = (state: RunState): boolean => ['paused', 'planned', 'running'].includes(state);

/** The plain words for a reason code (shown instead of the code; the code stays in exports and the details). */
export const reasonLabel = (code: string): string => explain(code).label;

/** The error categories, in the reference product's names and order (the contract's list). */
export { errorCategories };

export const categoryLabel = (code: string): string => explain(code).label;

/** The colour of a code's meaning: create, update, linked, veto, skip, hold, warning, error (explanations.ts). */
export const kindOf = (code: string): ExplanationKind => explain(code).kind;

/** Log outcomes in words (the contract's list), as the filter and the badges show them. */
export const outcomeLabels: Record<LogOutcome, string> = {
  planned: 'Planned',
  written: 'Written',
  skipped: 'Skipped',
  held: 'Held for review',
  failed: 'Failed',
  rejected: 'Value not written',
  conflict: 'Conflict',
  warning: 'Warning',
};

/** Badge tone per outcome or operation, for the CSS. */
export function tone(code: string): 'ok' | 'info' | 'warn' | 'danger' | 'neutral' {
  switch (code) {
    case 'written':
    case 'create':
    case 'created':
    case 'confirmed':
      return 'ok';
    case 'update':
    case 'updated':
    case 'planned':
      return 'info';
    case 'hold':
    case 'held':
    case 'conflict':
    case 'warning':
      return 'warn';
    case 'failed':
    case 'rejected':
      return 'danger';
    default:
      return 'neutral';
  }
}

/** A log entry's direction in the words the outcome uses ("To HubSpot"), so every page names directions alike. */
export const logDirectionLabels: Record<LogEntryView['direction'], string> = {
  sf_to_hs: directionLabels.to_hubspot,
  hs_to_sf: directionLabels.to_salesforce,
  local: 'In this console',
};

/** An op writes to `system`: "To HubSpot" or "To Salesforce". */
export const opDirection = (system: 'hubspot' | 'salesforce'): string =>
  directionLabels[system === 'hubspot' ? 'to_hubspot' : 'to_salesforce'];
