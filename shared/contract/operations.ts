import { z } from 'zod';
import type { OperationName } from './channels.js';
import { settingsSchema, type Settings } from './settings.js';
import {
  type HealthView,
  type LogEntryView,
  logOutcomes,
  type MappingsView,
  type RunOpView,
  type RunSummary,
} from './runs.js';
import type { RunOutcome } from './outcome.js';
import { type CompaniesPreview, previewReasons } from './preview.js';
import { applyDirections, type HoldActionsOutcome, type HoldsPage, holdActionSchema } from './engagement.js';
import { type WorkspacesView, workspaceFolderSchema, workspaceIdSchema, workspaceNameSchema } from './workspaces.js';
import type { AppInfo, ConnectOutcome, ConnectionsStatus, DisconnectOutcome, OAuthFlowStart } from './types.js';

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
  outcome: z.enum(logOutcomes).optional(),
  direction: z.enum(['sf_to_hs', 'hs_to_sf', 'local']).optional(),
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
  text: z.string().max(200).optional(),
});
const systemName = z.enum(['salesforce', 'hubspot']);
const httpUrl = z.url({ protocol: /^https?$/ }).max(300);
const flowId = z.object({ flowId: z.string().min(1).max(100) }).strict();
const sfId = z.string().regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/, 'a 15- or 18-character Salesforce Id');
const hsId = z.string().regex(/^[0-9]{1,20}$/, 'a HubSpot record id (digits)');
const previewFilter = z.object({
  ownerId: hsId.optional(),
  createdSince: z.iso.datetime().optional(),
  listId: hsId.optional(),
});

export const operations = {
  getAppInfo: op<AppInfo>()(noArgs),
  getSettings: op<Settings>()(noArgs),
  updateSettings: op<Settings>()(z.object({ changes: settingsSchema.partial().strict() }).strict()),
  getConnections: op<ConnectionsStatus>()(noArgs),
  /** "Explore with demo data": local emulators with a seeded org and portal, connected to this (empty) folder. */
  startDemo: op<ConnectionsStatus>()(
    z
      .object({
        /**
         * HubSpot API calls per second the demo answers: slow enough to watch progress, pause and resume (at 1, the
         * writes of the 2,000-account import take about half a minute). Omitted: the real public-app limit.
         */
        callsPerSecond: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
  ),
  /** Ends the demo: disconnects and empties the folder so a real org can be connected. */
  leaveDemo: op<ConnectionsStatus>()(noArgs),
  /** Starts a sign-in: a loopback listener waits for the provider's redirect; the flow ends by `awaitOAuth`. */
  startOAuth: op<OAuthFlowStart>()(
    z
      .object({
        system: systemName,
        /** Salesforce: production, test.salesforce.com, a My Domain or the sandbox. HubSpot: the app host. */
        loginUrl: httpUrl.optional(),
        /** HubSpot's API base URL (default https://api.hubapi.com). */
        apiBaseUrl: httpUrl.optional(),
        clientId: z.string().trim().min(1).max(300),
        clientSecret: z.string().trim().min(1).max(300).optional(),
        timeoutSeconds: z.number().int().min(10).max(1800).optional(),
        /** A fixed loopback port, for apps that match the callback URL exactly (Salesforce does); default: any free. */
        callbackPort: z.number().int().min(1024).max(65535).optional(),
      })
      .strict(),
  ),
  /** Answers when the callback came and the connection is verified and saved (or with the flow's error). */
  awaitOAuth: op<ConnectOutcome>()(flowId),
  cancelOAuth: op<ConnectionsStatus>()(flowId),
  /** A HubSpot private-app access token, pasted in; verified before it is saved, never returned. */
  connectPrivateApp: op<ConnectOutcome>()(
    z.object({ apiBaseUrl: httpUrl.optional(), token: z.string().trim().min(10).max(500) }).strict(),
  ),
  /** Revokes at the provider, then erases the local credentials (erased even when the revoke fails). */
  disconnect: op<DisconnectOutcome>()(z.object({ system: systemName }).strict()),
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
  /** Newest first; real runs only unless `includeDryRuns` (dry runs are previews, not history). */
  listRuns: op<RunSummary[]>()(
    z
      .object({ limit: z.number().int().min(1).max(500).default(50), includeDryRuns: z.boolean().default(false) })
      .strict(),
  ),
  getRun: op<RunSummary>()(runId),
  /** The one account of a run, per direction (outcome.ts): every view that counts a run shows this. */
  getRunOutcome: op<RunOutcome>()(runId),
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
  /** The log as CSV, for a download; at most 100,000 rows per export (narrow the filter for more). */
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
  /** "Sync now": an incremental sync run, started in the background. */
  syncNow: op<RunSummary>()(noArgs),
  /** Resync every record in the retry queue (of one category), in the background; null when none waits. */
  resyncErrors: op<RunSummary | null>()(z.object({ category: z.string().max(40).optional() }).strict()),
  /**
   * R3.4 the account-creation decision for every company matching the filter, with counts per reason; works with the
   * switch off. A first page (no afterId) recomputes from the cache (after a refresh when `refresh`); later pages
   * read the same result.
   */
  previewCompanies: op<CompaniesPreview>()(
    previewFilter
      .extend({
        reason: z.enum(previewReasons).optional(),
        afterId: hsId.optional(),
        limit: z.number().int().min(1).max(1000).default(100),
        refresh: z.boolean().default(false),
      })
      .strict(),
  ),
  /** The preview as CSV (id, name, reason, decision, contact ids); at most 100,000 rows per export. */
  exportPreview: op<{ csv: string; rows: number; truncated: boolean }>()(
    previewFilter.extend({ reason: z.enum(previewReasons).optional() }).strict(),
  ),
  /** R5.1 resync companies: creates the account of unlinked ones (bypassing R3), syncs linked ones; in the background. */
  resyncCompanies: op<RunSummary>()(z.object({ companyIds: z.array(hsId).min(1).max(10_000) }).strict()),
  /** R6.4 every unresolved hold across real runs, with each candidate's facts; paged by account id. */
  listHolds: op<HoldsPage>()(
    z.object({ afterId: sfId.optional(), limit: z.number().int().min(1).max(1000).default(100) }).strict(),
  ),
  /** R6.4 link to a candidate, create new, or skip, for a selection; carried out by a run in the background. */
  resolveHolds: op<HoldActionsOutcome>()(z.object({ actions: z.array(holdActionSchema).min(1).max(10_000) }).strict()),
  /**
   * R9.5 a run (kind `revert`) restoring every field the run changed; values changed again since are held, never
   * overwritten. Created records are archived / deleted only with `deleteCreated`. Dry runs answer with the plan.
   */
  revertRun: op<RunSummary>()(
    z
      .object({ runId: z.string().min(1).max(100), dryRun: z.boolean(), deleteCreated: z.boolean().default(false) })
      .strict(),
  ),
  /** One self-contained HTML file (printable to PDF): connections, runs per direction, refused values, holds, API use. */
  buildReport: op<{ html: string; fileName: string }>()(noArgs),
  listWorkspaces: op<WorkspacesView>()(noArgs),
  /** A new workspace, in its own new folder (`<app folder>/workspaces/<id>` unless `folder`); not switched to. */
  createWorkspace: op<WorkspacesView>()(
    z.object({ name: workspaceNameSchema, folder: workspaceFolderSchema.optional() }).strict(),
  ),
  renameWorkspace: op<WorkspacesView>()(z.object({ id: workspaceIdSchema, name: workspaceNameSchema }).strict()),
  /** Closes this workspace's services and opens the other's; refused while a run is going. */
  switchWorkspace: op<WorkspacesView>()(z.object({ id: workspaceIdSchema }).strict()),
  /** Takes a workspace off the list; its folder and files are left where they are. */
  removeWorkspace: op<WorkspacesView>()(z.object({ id: workspaceIdSchema }).strict()),
  /** Points a workspace at the folder it was moved to. */
  relocateWorkspace: op<WorkspacesView>()(z.object({ id: workspaceIdSchema, folder: workspaceFolderSchema }).strict()),
  /**
   * R7.6 a run (kind `apply-mapping`) that writes just one mapped field, named by its Salesforce field or HubSpot
   * property, on every linked record by the mapping's sync rule. Dry runs answer with the plan when it is done
   * (its diff through getRunOutcome / listRunOps); real runs start in the background with progress events.
   */
  applyMapping: op<RunSummary>()(
    z
      .object({
        field: z.string().min(1).max(100),
        direction: z.enum(applyDirections).default('both'),
        dryRun: z.boolean(),
      })
      .strict(),
  ),
} satisfies { [K in OperationName]: OperationSpec<z.ZodType, unknown> };

export type Operations = typeof operations;
export type OpArgs<K extends OperationName> = z.input<Operations[K]['args']>;
export type OpParsedArgs<K extends OperationName> = z.output<Operations[K]['args']>;
export type OpResult<K extends OperationName> = Operations[K] extends OperationSpec<z.ZodType, infer R> ? R : never;
