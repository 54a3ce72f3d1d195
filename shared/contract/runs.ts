import type { RunOutcome } from './outcome.js';

/** Shapes of runs, their journaled operations, the log and sync health, as the renderer sees them. */

export type RunKind = 'import' | 'sync' | 'resync' | 'apply-mapping' | 'revert';
export type RunState = 'planning' | 'planned' | 'running' | 'paused' | 'cancelled' | 'completed' | 'failed';

export interface RunCounts {
  /** Planned decisions. */
  create: number;
  update: number;
  skip: number;
  hold: number;
  /** Execution outcomes. */
  created: number;
  updated: number;
  skipped: number;
  held: number;
  failed: number;
  pending: number;
}

export const emptyRunCounts = (): RunCounts => ({
  create: 0,
  update: 0,
  skip: 0,
  hold: 0,
  created: 0,
  updated: 0,
  skipped: 0,
  held: 0,
  failed: 0,
  pending: 0,
});

export interface RunSummary {
  runId: string;
  kind: RunKind;
  state: RunState;
  dryRun: boolean;
  counts: RunCounts;
  error: string | null;
  resumed: boolean;
  /** When the run was started (ISO time). */
  createdAt: string;
}

export interface FieldChangeView {
  field: string;
  before: string | number | boolean | null;
  after: string | number | boolean | null;
  conflict?: { sfValue: unknown; hsValue: unknown; winner: 'sf' | 'hs' };
}

export interface RunOpView {
  seq: number;
  system: 'hubspot' | 'salesforce';
  operation: 'create' | 'update' | 'skip' | 'hold';
  sfAccountId: string | null;
  hsCompanyId: string | null;
  reason: string;
  state: 'planned' | 'sent' | 'confirmed' | 'failed' | 'done';
  changes: FieldChangeView[];
  /** Candidate ids of a hold, field problems, warnings: a short human text. */
  detail: string | null;
  errorCategory: string | null;
  errorMessage: string | null;
}

/** R9.2 the error categories, in the reference product's names and order. */
export const errorCategories = [
  'ASSOCIATIONS',
  'CUSTOM_CODE',
  'DUPLICATES',
  'PERMISSIONS',
  'PROPERTY_VALUE',
  'API_LIMIT',
  'NETWORK',
  'AUTH',
] as const;

/**
 * failed: a record's write was refused as a whole. rejected: the record was written but one value was dropped
 * (one entry per value: `operation` 'field', `reason` the code, `after` {field: value}).
 */
export const logOutcomes = [
  'planned',
  'written',
  'skipped',
  'held',
  'failed',
  'rejected',
  'conflict',
  'warning',
] as const;
export type LogOutcome = (typeof logOutcomes)[number];

export interface LogEntryView {
  id: number;
  runId: string | null;
  at: string;
  direction: 'sf_to_hs' | 'hs_to_sf' | 'local';
  sfAccountId: string | null;
  hsCompanyId: string | null;
  /** The account's name (or, for a company not linked yet, the company's) when the entry was written. */
  name: string | null;
  /** The record's normalised domain, when it has one. */
  domain: string | null;
  operation: string;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  outcome: LogOutcome;
  category: string | null;
  /** Readable text (candidate names of a hold, the field and why for a rejected value), never JSON. */
  message: string | null;
}

export interface RetryView {
  system: string;
  recordId: string;
  operation: string;
  attempts: number;
  nextAttemptAt: string;
  category: string;
  message: string;
}

export interface HealthView {
  /** R9.4 failed records per error category. */
  errorsByCategory: Record<string, number>;
  retries: RetryView[];
  holds: number;
  links: number;
  accounts: number;
  companies: number;
  api: {
    salesforce: { orgUsed: number; orgMax: number; consoleCalls: number; allocation: number | null } | null;
    hubspot: {
      intervalMax: number | null;
      intervalRemaining: number | null;
      dailyMax: number | null;
      dailyRemaining: number | null;
      calls: number;
      rateLimited: number;
    } | null;
  };
  lastRun: RunSummary | null;
  /** The last real run's outcome (outcome.ts), the same object `getRunOutcome` answers. */
  lastRunOutcome: RunOutcome | null;
}

export type SyncRuleName = 'PREFER_SF_UNLESS_BLANK' | 'ALWAYS_SF' | 'TWO_WAY' | 'NONE';

export interface MappingView {
  sfField: string;
  hsProperty: string;
  rule: SyncRuleName;
}

export interface MappingsView {
  mappings: MappingView[];
  /** R1.4 mappings can be edited only while company sync is on; they can be viewed any time. */
  editable: boolean;
  /** What can be mapped, from the last refresh of each side (empty until connected and refreshed). */
  sfFields: { name: string; type: string; calculated: boolean }[];
  hsProperties: { name: string; type: string; fieldType: string }[];
}
