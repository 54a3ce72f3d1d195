/**
 * `sfhs import`: the explicit back-fill of Salesforce accounts into HubSpot companies (R2.3a, R1.3), previewed with
 * --dry-run. R1.2: with the switch off a real import is refused before anything runs, with the command that fixes it.
 */
import { AppError } from '../../app/errors.js';
import { type CliCommand, type CliContext, exitCodes, print } from '../command.js';
import { printJson } from '../output/json.js';
import { countOption, stringOption, suggest } from '../output/options.js';
import { driveRun, finishRun } from '../output/run-driver.js';
import { printReport, reportJson, runReport } from '../output/run-report.js';

/** R1.2 Beyond: say so before anything runs, and offer the fix. */
function refuseSyncOff(ctx: CliContext, error: AppError): number {
  const fix = suggest(ctx, 'settings', 'set', 'syncCompanies', 'true');
  const preview = suggest(ctx, 'import', '--dry-run');
  if (ctx.json) printJson(ctx.stdout, { ok: false, error: { ...error.toOpError(), fix, preview } });
  print(ctx.stderr, error.message);
  print(ctx.stderr, `Turn company sync on:  ${fix}`);
  print(ctx.stderr, `Or preview first:      ${preview}`);
  return exitCodes.syncOff;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import Salesforce accounts as HubSpot companies (preview with --dry-run)',
  usage: [
    '[--dry-run] [--where SOQL-CONDITION] [--limit N]   e.g. --where "Industry = \'Banking\'"',
    '--dry-run   plan only: counts, holds and the first N planned writes with field diffs (default N 20)',
    '--json      one object: {runId, dryRun, state, counts, outcome, holds[, ops, seeAll]}',
    '  Ctrl-C pauses a real import after the batch in flight. To continue it, run sfhs import again',
    '  (or sfhs runs resume ID): it goes on where it stopped, with its own scope; nothing is written twice.',
  ],
  options: {
    'dry-run': { type: 'boolean', default: false },
    where: { type: 'string' },
    limit: { type: 'string' },
  },
  async run(ctx, { values }) {
    const dryRun = Boolean(values['dry-run']);
    const where = stringOption(values, 'where');
    const limit = countOption(values, 'limit', 20, 10_000);
    const services = ctx.services();
    let driven: Awaited<ReturnType<typeof driveRun>>;
    try {
      driven = await driveRun(
        ctx,
        (onProgress) => services.engine.start({ kind: 'import', dryRun, ...(where ? { where } : {}), onProgress }),
        where,
      );
    } catch (error) {
      if (error instanceof AppError && error.code === 'SYNC_OFF') return refuseSyncOff(ctx, error);
      throw error;
    }
    const summary = services.engine.summary(driven.summary.runId);
    const report = await runReport(ctx, summary, limit);
    if (ctx.json) printJson(ctx.stdout, reportJson(services.db, summary, report));
    else printReport(ctx, summary, report);
    return finishRun(ctx, driven);
  },
};
