/**
 * `sfhs runs revert RUN_ID`: R9.5 restore every field a run changed, as a new run (kind `revert`) — previewed with
 * --dry-run, values changed again since held (never overwritten), created records archived / deleted only with
 * --delete-created. Run in the foreground like an import (Ctrl-C pauses; `sfhs runs resume` continues).
 */
import type { RunOpView } from '../../../shared/contract/index.js';
import { type CliContext, type ParsedCommand, print } from '../command.js';
import { printJson } from '../output/json.js';
import { suggest } from '../output/options.js';
import { driveRun, finishRun } from '../output/run-driver.js';
import { planCounts, printCounts, printPlannedOps, runDetails, runJson, runOps } from '../output/run-report.js';

const SHOWN = 20;

const messageOf = (op: RunOpView): string => {
  const detail = op.detail ? (JSON.parse(op.detail) as { message?: string }) : {};
  return detail.message ?? op.reason;
};

export async function revertRun(ctx: CliContext, runId: string, values: ParsedCommand['values']): Promise<number> {
  const services = ctx.services();
  const dryRun = Boolean(values['dry-run']);
  const deleteCreated = Boolean(values['delete-created']);
  const driven = await driveRun(ctx, (onProgress) =>
    services.engine.startKind('revert', { revertOf: runId, deleteCreated }, dryRun, onProgress),
  );
  const { summary } = driven;
  const held = await runOps(services, summary.runId, { operation: 'hold', limit: SHOWN });
  const { ops } = await runDetails(services, summary, SHOWN);
  if (ctx.json) {
    const json = runJson(services.db, summary);
    printJson(ctx.stdout, {
      ...json,
      ...(dryRun ? { counts: planCounts(summary), ops } : {}),
      revertOf: runId,
      held: held.map((op) => ({
        sfAccountId: op.sfAccountId,
        hsCompanyId: op.hsCompanyId,
        reason: op.reason,
        message: messageOf(op),
      })),
    });
  } else {
    printCounts(ctx, summary);
    if (held.length) print(ctx.stdout, '');
    for (const op of held)
      print(ctx.stdout, `held ${op.sfAccountId ?? op.hsCompanyId}: ${op.reason}: ${messageOf(op)}`);
    if (dryRun) {
      printPlannedOps(ctx.stdout, summary, ops, suggest(ctx, 'runs', 'show', summary.runId, '--ops'));
      print(ctx.stdout, '');
      print(
        ctx.stdout,
        `Revert for real: ${suggest(ctx, 'runs', 'revert', runId, ...(deleteCreated ? ['--delete-created'] : []))}`,
      );
    }
  }
  return finishRun(ctx, driven);
}
