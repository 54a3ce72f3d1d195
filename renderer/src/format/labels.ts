/** Words for the engine's codes. Unknown codes are shown in words, so a new code is never hidden. */
import { type ExplanationKind, explain } from '../../../shared/contract/explanations.js';
import { errorCategories } from '../../../shared/contract/runs.js';
import type { RunKind, RunState, SyncRuleName } from '../../../shared/contract/runs.js';

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

export const outcomes = ['planned', 'written', 'skipped', 'held', 'failed', 'conflict', 'warning'] as const;
export type Outcome = (typeof outcomes)[number];

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
      return 'danger';
    default:
      return 'neutral';
  }
}

export const directionLabels: Record<string, string> = {
  sf_to_hs: 'Salesforce → HubSpot',
  hs_to_sf: 'HubSpot → Salesforce',
  local: 'Local',
};

/** An op writes to `system`; the arrow says where the data flows. */
export const opDirection = (system: 'hubspot' | 'salesforce'): string => (system === 'hubspot' ? 'SF → HS' : 'HS → SF');
