import { z } from 'zod';
import type { OperationName } from './channels.js';
import { settingsSchema, type Settings } from './settings.js';
import type { HealthView, LogEntryView, MappingsView, RunOpView, RunSummary } from './runs.js';
import type { AppInfo, ConnectionsStatus } from './types.js';

/** An operation's argument schema plus its result type (carried as a phantom for the type checker only). */
export interface OperationSpec<A extends z.ZodType, R> {
  args: A;
  result?: R;
}
const op =
  <R>() =>
  <A extends z.ZodType>(args: A): OperationSpec<A, R> => ({ args });

const noArgs = z.object({}).strict();
const runId = z.object({ runId: z.string().min(1).max(100) }).strict();
/** A SOQL condition for the WHERE clause (validated again by Salesforce, which answers MALFORMED_QUERY). */
const soqlCondition = z.string().min(1).max(4000);
const logQuery = z.object({
  runId: z.string().max(100).optional(),
  recordId: z.string().max(40).optional(),
  category: z.string().max(40).optional(),
  outcome: z.enum(['planned', 'written', 'skipped', 'held', 'failed', 'conflict', 'warning']).optional(),
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
  text: z.string().max(200).optional(),
});
const sfId = z.string().regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/, 'a 15- or 18-character Salesforce Id');

export const operations = {
  getAppInfo: op<AppInfo>()(noArgs),
  getSettings: op<Settings>()(noArgs),
  updateSettings: op<Settings>()(z.object({ changes: settingsSchema.partial().strict() }).strict()),
  getConnections: op<ConnectionsStatus>()(noArgs),
  /** Dry runs answer when the plan is ready; real runs answer at once and report through `progress` and `run`. */
  startRun: op<RunSummary>()(
    z
      .object({
        kind: z.enum(['import', 'sync', 'resync']),
        dryRun: z.boolean(),
        where: soqlCondition.optional(),
        accountIds: z.array(sfId).min(1).max(10_000).optional(),
      })
      .strict(),
  ),
  resumeRun: op<RunSummary>()(runId),
  pauseRun: op<RunSummary>()(runId),
  cancelRun: op<RunSummary>()(runId),
  listRuns: op<RunSummary[]>()(z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict()),
  getRun: op<RunSummary>()(runId),
  listRunOps: op<RunOpView[]>()(
    z
      .object({
        runId: z.string().min(1).max(100),
        operation: z.enum(['create', 'update', 'skip', 'hold']).optional(),
        state: z.enum(['planned', 'sent', 'confirmed', 'failed', 'done']).optional(),
        afterSeq: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
  ),
  queryLog: op<{ entries: LogEntryView[]; total: number }>()(
    logQuery
      .extend({ afterId: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) })
      .strict(),
  ),
  getHealth: op<HealthView>()(noArgs),
  /** R9.5 the log as CSV, for a download; at most 100,000 rows per export (narrow the filter for more). */
  exportLog: op<{ csv: string; rows: number; truncated: boolean }>()(logQuery.strict()),
  getMappings: op<MappingsView>()(noArgs),
  saveMappings: op<MappingsView>()(
    z
      .object({
        mappings: z
          .array(
            z
              .object({
                sfField: z.string().min(1).max(80),
                hsProperty: z.string().min(1).max(100),
                rule: z.enum(['PREFER_SF_UNLESS_BLANK', 'ALWAYS_SF', 'TWO_WAY', 'NONE']),
              })
              .strict(),
          )
          .max(500),
      })
      .strict(),
  ),
  /** R2.4 "Sync now": an incremental sync run, started in the background. */
  syncNow: op<RunSummary>()(noArgs),
} satisfies { [K in OperationName]: OperationSpec<z.ZodType, unknown> };

export type Operations = typeof operations;
export type OpArgs<K extends OperationName> = z.input<Operations[K]['args']>;
export type OpParsedArgs<K extends OperationName> = z.output<Operations[K]['args']>;
export type OpResult<K extends OperationName> = NonNullable<Operations[K]['result']>;
