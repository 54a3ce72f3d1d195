/**
 * How a run reads on the command line, shared by import, sync, resync and runs: the JSON shapes scripts rely on,
 * and the text people read (counts, holds with their candidates, planned ops with field diffs).
 */
import type { Writable } from 'node:stream';
import type { Database } from 'better-sqlite3';
import type { FieldChangeView, RunOpView, RunSummary } from '../../../shared/contract/index.js';
import type { Services } from '../../app/services.js';
import { sfUsers } from '../../engine/cache/salesforce-cache.js';
import { runOutcome } from '../../engine/outcome/run-outcome.js';
import { parseSfId } from '../../engine/rules/ids.js';
import { explain } from '../../../shared/contract/index.js';
import { type CliContext, print } from '../command.js';
import { suggest } from './options.js';
import { printOutcome } from './outcome-report.js';

/** A dry run: what would happen. */
export const planCounts = ({ counts: c }: RunSummary) => ({
  create: c.create,
  update: c.update,
  skip: c.skip,
  hold: c.hold,
});
/** A real run: what happened (pending = not yet sent, e.g. after a pause). */
export const resultCounts = ({ counts: c }: RunSummary) => ({
  created: c.created,
  updated: c.updated,
  skipped: c.skipped,
  held: c.held,
  failed: c.failed,
  pending: c.pending,
});

/** `counts` are journal op counts (kept for scripts); `outcome` is what the run did, per direction. */
export const runJson = (db: Database, summary: RunSummary) => ({
  runId: summary.runId,
  kind: summary.kind,
  dryRun: summary.dryRun,
  state: summary.state,
  counts: summary.dryRun ? planCounts(summary) : resultCounts(summary),
  outcome: runOutcome(db, summary.runId),
  error: summary.error,
  resumed: summary.resumed,
  createdAt: summary.createdAt,
});

export interface HoldView {
  sfAccountId: string | null;
  hsCompanyId: string | null;
  reason: string;
  /** R6.4 the companies it could be: a person picks one or says "create new". */
  candidates: string[];
}

interface OpDetail {
  candidates?: unknown[];
  problems?: { field?: string; category?: string; message?: string }[];
}

/**
 * Op details are JSON: `{candidates}` for holds (plan/decisions), `{problems}` for R7.7 field problems and
 * warnings. Anything else is plain text, answered as `null` so callers show it as it is.
 */
function parseDetail(detail: string): OpDetail | null {
  try {
    const parsed = JSON.parse(detail) as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as OpDetail) : null;
  } catch {
    return null;
  }
}

export function holdView(op: RunOpView): HoldView {
  const detail = op.detail ? parseDetail(op.detail) : null;
  const candidates = detail ? (detail.candidates ?? []).map(String) : op.detail ? [op.detail] : [];
  return { sfAccountId: op.sfAccountId, hsCompanyId: op.hsCompanyId, reason: op.reason, candidates };
}

export const runOps = async (
  services: Services,
  runId: string,
  filter: { operation?: RunOpView['operation']; state?: RunOpView['state']; afterSeq?: number; limit: number },
): Promise<RunOpView[]> => services.handlers.listRunOps({ runId, afterSeq: 0, ...filter });

/** The first `limit` holds and, for a dry run, the first `limit` planned writes. */
export async function runDetails(services: Services, summary: RunSummary, limit: number) {
  const holds = (await runOps(services, summary.runId, { operation: 'hold', limit })).map(holdView);
  if (!summary.dryRun) return { holds, ops: [] as RunOpView[] };
  const writes = [
    ...(await runOps(services, summary.runId, { operation: 'create', limit })),
    ...(await runOps(services, summary.runId, { operation: 'update', limit })),
  ]
    .sort((a, b) => a.seq - b.seq)
    .slice(0, limit);
  return { holds, ops: writes };
}

const value = (v: FieldChangeView['before']) => (v === null ? '∅' : JSON.stringify(v));

/** Salesforce user names by 18-character id, so an owner reads as a person rather than an id. */
export type UserNames = ReadonlyMap<string, string>;

export const userNames = (db: Database): UserNames => new Map(sfUsers(db).map((u) => [u.Id, u.Name]));

function ownerName(change: FieldChangeView, users: UserNames): string {
  if (change.field !== 'OwnerId' || typeof change.after !== 'string') return '';
  const id = parseSfId(change.after);
  const name = id.ok ? users.get(id.id18) : undefined;
  return name ? `  (owner: ${name})` : '';
}

export function formatChange(change: FieldChangeView, users: UserNames = new Map()): string {
  const conflict = change.conflict
    ? `  (conflict: ${change.conflict.winner === 'sf' ? 'Salesforce' : 'HubSpot'} won)`
    : '';
  return `${change.field}: ${value(change.before)} → ${value(change.after)}${ownerName(change, users)}${conflict}`;
}

export function formatDetail(raw: string | null): string[] {
  if (!raw) return [];
  const detail = parseDetail(raw);
  if (!detail) return [raw];
  const candidates = detail.candidates?.length ? [`candidates: ${detail.candidates.join(', ')}`] : [];
  const problems = (detail.problems ?? []).map((p) => `${p.category ?? 'note'} ${p.field ?? ''}: ${p.message ?? ''}`);
  return [...candidates, ...problems];
}

export function formatOp(op: RunOpView, users: UserNames = new Map()): string[] {
  const ids = [op.sfAccountId && `account ${op.sfAccountId}`, op.hsCompanyId && `company ${op.hsCompanyId}`]
    .filter(Boolean)
    .join(', ');
  const target = op.system === 'hubspot' ? 'HubSpot' : 'Salesforce';
  const error = op.errorMessage ? [`    failed (${op.errorCategory ?? 'error'}): ${op.errorMessage}`] : [];
  return [
    `#${op.seq} ${op.operation} in ${target} — ${ids} — ${explain(op.reason).label}`,
    ...op.changes.map((c) => `    ${formatChange(c, users)}`),
    ...formatDetail(op.detail).map((line) => `    ${line}`),
    ...error,
  ];
}

/** The run's outcome (engine/outcome: the same function behind the window's getRunOutcome). */
export function printCounts(ctx: CliContext, summary: RunSummary): void {
  const out = ctx.stdout;
  const outcome = runOutcome(ctx.services().db, summary.runId);
  const title = summary.dryRun ? 'Preview (dry run — nothing was written)' : `Run ${summary.state}`;
  const resumed = summary.resumed ? ' (an unfinished run, resumed: it keeps its own scope)' : '';
  print(out, `${title}: ${summary.kind} ${summary.runId}${resumed}`);
  const logCommand = summary.dryRun
    ? suggest(ctx, 'runs', 'show', summary.runId, '--ops')
    : suggest(ctx, 'log', '--run', summary.runId, '--outcome', 'rejected');
  printOutcome(out, outcome, logCommand);
  if (summary.error) print(out, `Note: ${summary.error}`);
}

export function printHolds(out: Writable, holds: HoldView[], total: number): void {
  if (total === 0) return;
  print(out, '');
  print(out, `Held — ${total} record(s) wait for a person to pick the match; nothing was written for them:`);
  for (const h of holds) {
    const candidates = h.candidates.length ? ` candidates: ${h.candidates.join(', ')}` : '';
    print(out, `  account ${h.sfAccountId ?? '?'}  ${h.reason}${candidates}`);
  }
  if (total > holds.length) print(out, `  … and ${total - holds.length} more`);
}

/** `seeAll`: the command that lists every op (`sfhs runs show ID --ops`). */
export function printPlannedOps(
  out: Writable,
  summary: RunSummary,
  ops: RunOpView[],
  seeAll: string,
  users: UserNames = new Map(),
): void {
  const total = summary.counts.create + summary.counts.update;
  if (total === 0) return;
  print(out, '');
  print(out, `Planned writes (first ${ops.length} of ${total}):`);
  for (const op of ops) for (const line of formatOp(op, users)) print(out, `  ${line}`);
  print(out, `See all: ${seeAll}`);
}

export interface RunReport {
  holds: HoldView[];
  /** A dry run's first planned writes, with field diffs; empty for a real run. */
  ops: RunOpView[];
  /** The command that lists every op. */
  seeAll: string;
}

/** What import and resync show of a run: its holds and, for a dry run, its first `limit` planned writes. */
export async function runReport(ctx: CliContext, summary: RunSummary, limit: number): Promise<RunReport> {
  const { holds, ops } = await runDetails(ctx.services(), summary, limit);
  return { holds, ops, seeAll: suggest(ctx, 'runs', 'show', summary.runId, '--ops') };
}

/** The run as JSON, with the report: a dry run gets its plan counts, holds and planned writes. */
export function reportJson(db: Database, summary: RunSummary, report: RunReport) {
  const json = runJson(db, summary);
  return summary.dryRun ? { ...json, counts: planCounts(summary), ...report } : { ...json, holds: report.holds };
}

export function printReport(ctx: CliContext, summary: RunSummary, report: RunReport): void {
  printCounts(ctx, summary);
  printHolds(ctx.stdout, report.holds, summary.dryRun ? summary.counts.hold : summary.counts.held);
  if (summary.dryRun) printPlannedOps(ctx.stdout, summary, report.ops, report.seeAll, userNames(ctx.services().db));
}
