import { errorCategories } from '../../../shared/contract/runs.js';
/** Words for the engine's codes. Unknown codes are shown as they are, so a new code is never hidden. */
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

const reasonLabels: Record<string, string> = {
  NEW_COMPANY: 'New company',
  MATCHED_BY_LINK: 'Linked',
  MATCHED_BY_CONTACTS: 'Matched by contacts',
  MATCHED_BY_DOMAIN: 'Matched by domain',
  HS_CHANGE_TO_SF: 'HubSpot change to Salesforce',
  AMBIGUOUS_MATCH: 'Ambiguous match',
  DUPLICATE_LINK: 'Duplicate link',
  NO_CHANGES: 'No changes',
  SYNC_OFF: 'Sync off',
  CONFLICT_SF_WINS: 'Conflict: Salesforce won',
  CONFLICT_HS_WINS: 'Conflict: HubSpot won',
};

/** "MATCHED_BY_CONTACTS" → "Matched by contacts"; codes without a label are made readable the same way. */
export function reasonLabel(code: string): string {
  const known = reasonLabels[code];
  if (known) return known;
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** R9.2 the error categories, in the reference product's names and order (the contract's list). */
export { errorCategories };

const categoryLabels: Record<string, string> = {
  ASSOCIATIONS: 'Associations',
  CUSTOM_CODE: 'Custom code',
  DUPLICATES: 'Duplicates',
  PERMISSIONS: 'Permissions',
  PROPERTY_VALUE: 'Property values',
  API_LIMIT: 'API limit',
  NETWORK: 'Network',
  AUTH: 'Authentication',
  UNCATEGORIZED: 'Other',
  WARNING: 'Warning',
};

export const categoryLabel = (code: string): string => categoryLabels[code] ?? reasonLabel(code);

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
