/**
 * `sfhs runs`: the journal of runs — list them, show one (with its ops, streamed in pages so a million-op run
 * prints in bounded memory), resume a paused one in the foreground, cancel one.
 */
import type { RunOpView, RunSummary } from '../../../shared/contract/index.js';
import { AppError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { getRun, listRuns } from '../../engine/runs/runs-store.js';
import { type CliCommand, type CliContext, exitCodes, type ParsedCommand, print } from '../command.js';
import { printJson, writeJsonWithArray } from '../output/json.js';
import { choiceOption, countOption } from '../output/options.js';
import { driveRun, finishRun } from '../output/run-driver.js';
import { formatOp, printCounts, runJson, runOps } from '../output/run-report.js';
import { formatTable } from '../output/table.js';
import { revertRun } from './revert.js';

const OPERATIONS = ['create', 'update', 'skip', 'hold'] as const;
const STATES = ['planned', 'sent', 'confirmed', 'failed', 'done'] as const;
const PAGE = 1000;

function requireRunId(services: Services, runId: string | undefined, verb: string): string {
  if (!runId) throw new AppError('VALIDATION', `Say which run: sfhs runs ${verb} RUN_ID (sfhs runs lists them).`);
  if (!getRun(services.db, runId)) throw new AppError('NOT_FOUND', `No run ${runId} in this data folder.`);
  return runId;
}

/** A run with its times and options (where, accountIds), for review. */
function runRecord(services: Services, runId: string) {
  const run = getRun(services.db, runId);
  return {
    ...runJson(services.db, services.engine.summary(runId)),
    options: run?.options ?? {},
    createdAt: run?.createdAt ?? null,
    startedAt: run?.startedAt ?? null,
    endedAt: run?.endedAt ?? null,
  };
}

function list(ctx: CliContext, values: ParsedCommand['values']): number {
  const services = ctx.services();
  const includeDryRuns = Boolean(values['dry-runs']);
  const runs = listRuns(services.db, countOption(values, 'limit', 20, 500), { includeDryRuns }).map((run) =>
    runRecord(services, run.id),
  );
  if (ctx.json) {
    printJson(ctx.stdout, runs);
    return exitCodes.ok;
  }
  if (runs.length === 0) print(ctx.stdout, 'No runs yet. Preview an import: sfhs import --dry-run');
  const rows = runs.map((r) => [
    r.runId,
    r.dryRun ? `${r.kind} (dry run)` : r.kind,
    r.state,
    r.createdAt?.slice(0, 19).replace('T', ' '),
    r.outcome.headline,
  ]);
  const table = formatTable(
    [{ header: 'RUN' }, { header: 'KIND' }, { header: 'STATE' }, { header: 'CREATED (UTC)' }, { header: 'OUTCOME' }],
    rows,
  );
  if (runs.length) for (const line of table) print(ctx.stdout, line);
  if (!includeDryRuns) print(ctx.stdout, 'Dry runs (previews) are left out: sfhs runs --dry-runs lists them too.');
  return exitCodes.ok;
}

/** Every op matching the filter, page by page (keyset on seq), up to `max`. */
async function* allOps(
  services: Services,
  runId: string,
  filter: { operation?: RunOpView['operation']; state?: RunOpView['state'] },
  max: number,
): AsyncGenerator<RunOpView> {
  let afterSeq = 0;
  let left = max;
  while (left > 0) {
    const page = await runOps(services, runId, { ...filter, afterSeq, limit: Math.min(PAGE, left) });
    yield* page;
    left -= page.length;
    const last = page.at(-1);
    if (!last || page.length < PAGE) return;
    afterSeq = last.seq;
  }
}

async function show(ctx: CliContext, values: ParsedCommand['values'], runId: string): Promise<number> {
  const services = ctx.services();
  const record = runRecord(services, runId);
  const withOps = Boolean(values.ops) || values.operation !== undefined || values.state !== undefined;
  const filter = {
    operation: choiceOption(values, 'operation', OPERATIONS),
    state: choiceOption(values, 'state', STATES),
  };
  const max = countOption(values, 'limit', Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (ctx.json) {
    if (!withOps) printJson(ctx.stdout, record);
    else await writeJsonWithArray(ctx.stdout, record, 'ops', allOps(services, runId, filter, max));
    return exitCodes.ok;
  }
  printCounts(ctx, services.engine.summary(runId));
  print(
    ctx.stdout,
    `  created ${record.createdAt}, started ${record.startedAt ?? '-'}, ended ${record.endedAt ?? '-'}`,
  );
  if (Object.keys(record.options).length) print(ctx.stdout, `  options ${JSON.stringify(record.options)}`);
  if (!withOps) return exitCodes.ok;
  print(ctx.stdout, '');
  for await (const op of allOps(services, runId, filter, max)) for (const line of formatOp(op)) print(ctx.stdout, line);
  return exitCodes.ok;
}

async function resume(ctx: CliContext, runId: string): Promise<number> {
  const { engine } = ctx.services();
  const driven = await driveRun(ctx, (onProgress) => engine.startResume(runId, onProgress));
  report(ctx, driven.summary);
  return finishRun(ctx, driven);
}

function report(ctx: CliContext, summary: RunSummary): void {
  if (ctx.json) printJson(ctx.stdout, runJson(ctx.services().db, summary));
  else printCounts(ctx, summary);
}

export const runsCommand: CliCommand = {
  name: 'runs',
  summary: 'list runs, show one with its planned and written ops, resume or cancel one',
  usage: [
    '[list] [--limit N] [--dry-runs]   real runs, newest first (--dry-runs: previews too)',
    'show RUN_ID [--ops [--operation create|update|skip|hold] [--state planned|sent|confirmed|failed|done] [--limit N]]',
    'resume RUN_ID     continue a paused run in the foreground (Ctrl-C pauses it again); for an import or a sync,',
    '                  running sfhs import / sfhs sync again does the same',
    'cancel RUN_ID     end a paused or planned run; what was written stays written',
    'revert RUN_ID [--dry-run] [--delete-created]   restore every field the run changed (values changed since are held)',
    '--json          list: an array; show: one object (with "ops": [...] when asked); resume/cancel: the run',
  ],
  options: {
    limit: { type: 'string' },
    'dry-runs': { type: 'boolean', default: false },
    ops: { type: 'boolean', default: false },
    operation: { type: 'string' },
    state: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'delete-created': { type: 'boolean', default: false },
  },
  async run(ctx, { values, positionals }) {
    const [verb = 'list', id] = positionals;
    const services = ctx.services();
    if (verb === 'list') return list(ctx, values);
    if (verb === 'show') return show(ctx, values, requireRunId(services, id, verb));
    if (verb === 'resume') return resume(ctx, requireRunId(services, id, verb));
    if (verb === 'cancel') {
      services.engine.cancel(requireRunId(services, id, verb));
      report(ctx, services.engine.summary(id as string));
      return exitCodes.ok;
    }
    if (verb === 'revert') return revertRun(ctx, requireRunId(services, id, verb), values);
    print(ctx.stderr, `Unknown runs verb "${verb}": use list, show, resume, cancel or revert.`);
    return exitCodes.usage;
  },
};
