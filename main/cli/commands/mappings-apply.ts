/**
 * `sfhs mappings apply FIELD`: R7.6 write one mapped field on every linked record by its sync rule, as a run of its
 * own (kind `apply-mapping`) — previewed with --dry-run (counts per direction: would change, unchanged, rejected,
 * with the first changes), narrowed with --direction, run in the foreground (Ctrl-C pauses; `sfhs runs resume`).
 */
import { type ApplyDirection, applyDirections } from '../../../shared/contract/index.js';
import { type CliContext, type ParsedCommand, print } from '../command.js';
import { printJson } from '../output/json.js';
import { choiceOption, suggest } from '../output/options.js';
import { driveRun, finishRun } from '../output/run-driver.js';
import { planCounts, printCounts, printPlannedOps, runDetails, runJson, userNames } from '../output/run-report.js';

const SHOWN = 20;

/** The direction names people type: the contract's, with a dash. */
const DIRECTIONS = applyDirections.map((d) => d.replace('_', '-'));

export async function applyMapping(ctx: CliContext, field: string, values: ParsedCommand['values']): Promise<number> {
  const services = ctx.services();
  const dryRun = Boolean(values['dry-run']);
  const typed = choiceOption(values, 'direction', DIRECTIONS) ?? 'both';
  const direction = typed.replace('-', '_') as ApplyDirection;
  const driven = await driveRun(ctx, (onProgress) =>
    services.engine.startKind('apply-mapping', { field, direction }, dryRun, onProgress),
  );
  const { summary } = driven;
  const { ops } = await runDetails(services, summary, SHOWN);
  if (ctx.json) {
    printJson(ctx.stdout, {
      ...runJson(services.db, summary),
      ...(dryRun ? { counts: planCounts(summary), ops } : {}),
      field,
      direction,
    });
  } else {
    printCounts(ctx, summary);
    if (dryRun) {
      printPlannedOps(
        ctx.stdout,
        summary,
        ops,
        suggest(ctx, 'runs', 'show', summary.runId, '--ops'),
        userNames(services.db),
      );
      print(ctx.stdout, '');
      const narrowed = direction === 'both' ? [] : ['--direction', typed];
      print(ctx.stdout, `Apply for real: ${suggest(ctx, 'mappings', 'apply', field, ...narrowed)}`);
    }
  }
  return finishRun(ctx, driven);
}
