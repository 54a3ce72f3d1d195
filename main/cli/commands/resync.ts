/**
 * `sfhs resync`: R5.1 / R5.2 force a sync now for chosen records — accounts, linked companies, or everything in the
 * retry queue — bypassing the automatic criteria (the manual path). An unlinked company gets its Salesforce
 * account (engine/hs-to-sf); with --dry-run that account is planned and shown, and nothing is written.
 */
import type { Database } from 'better-sqlite3';
import type { RunSummary } from '../../../shared/contract/index.js';
import { AppError } from '../../app/errors.js';
import { retryTargets } from '../../engine/execute/retry-queue.js';
import { linkedAccountOf } from '../../engine/hs-to-sf/index.js';
import { parseSfId } from '../../engine/rules/ids.js';
import { resyncAccounts } from '../../engine/sync-loop.js';
import { type CliCommand, type CliContext, exitCodes, print, type ParsedCommand } from '../command.js';
import { printJson } from '../output/json.js';
import { listOption, stringOption } from '../output/options.js';
import { progressDisplay } from '../output/progress.js';
import { cliError, driveRun, finishRun } from '../output/run-driver.js';
import { printCounts, printReport, reportJson, runJson, runReport } from '../output/run-report.js';

/** How many planned writes a dry run of companies prints; `sfhs runs show ID --ops` lists them all. */
const PLANNED_WRITES_SHOWN = 20;

/** R0.2 ids are compared in their 18-character form. */
function accountIdsFrom(raw: string[]): string[] {
  return raw.map((id) => {
    const parsed = parseSfId(id, 'Account');
    if (!parsed.ok) throw new AppError('VALIDATION', `"${id}" is not a Salesforce Account id: ${parsed.message}`);
    return parsed.id18;
  });
}

/** Only linked companies get here: the command resyncs a list with an unlinked one through `resyncCompanies`. */
const accountsOfCompanies = (db: Database, companyIds: string[]): string[] =>
  companyIds.flatMap((id) => linkedAccountOf(db, id) ?? []);

function chooseAccounts(db: Database, values: ParsedCommand['values']): string[] {
  const accounts = listOption(values, 'account');
  const companies = listOption(values, 'company');
  const chosen = [accounts.length > 0, companies.length > 0, Boolean(values.errors)].filter(Boolean).length;
  if (chosen !== 1)
    throw new AppError('VALIDATION', 'Choose exactly one of --account ID..., --company ID... or --errors.');
  if (accounts.length) return accountIdsFrom(accounts);
  if (companies.length) return accountsOfCompanies(db, companies);
  const category = stringOption(values, 'category');
  // A dry run previews the accounts; failed account creations (keyed by company) need a real resync.
  return retryTargets(db, category).accountIds;
}

async function resync(
  ctx: CliContext,
  accountIds: string[],
  dryRun: boolean,
): Promise<{ runs: RunSummary[]; interrupted: boolean }> {
  const { engine } = ctx.services();
  const display = progressDisplay(ctx.stderr);
  let current: string | null = null;
  let stop = false;
  void ctx.interrupted.then(() => {
    stop = true;
    if (current && engine.activeRunId === current) engine.pause(current);
  });
  try {
    const runs = await resyncAccounts(engine, accountIds, {
      dryRun,
      onProgress: (event) => display.update(event),
      onStarted: (runId) => {
        current = runId;
      },
      shouldStop: () => stop,
    });
    return { runs, interrupted: stop };
  } catch (error) {
    throw cliError(error);
  } finally {
    display.finish();
  }
}

export const resyncCommand: CliCommand = {
  name: 'resync',
  summary: 'resync chosen accounts or companies now, or every record in the retry queue',
  usage: [
    '--account ID...   Salesforce account ids (repeat the option or separate with commas)',
    '--company ID...   HubSpot company ids; an unlinked one gets its Salesforce account',
    '--errors [--category C]   the records waiting in the retry queue, optionally of one category',
    '[--dry-run]       preview only: what would be written, with its fields; nothing is written',
    '--json          {accountIds, runs: [{runId, state, counts, ...}]}',
  ],
  options: {
    account: { type: 'string', multiple: true },
    company: { type: 'string', multiple: true },
    errors: { type: 'boolean', default: false },
    category: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
  async run(ctx, { values }) {
    const { db } = ctx.services();
    const companies = listOption(values, 'company');
    // R5.1 an unlinked company gets its account now (engine/hs-to-sf); linked ones in the list are resynced with it.
    if (companies.some((id) => linkedAccountOf(db, id) === null) && !values.errors) {
      const dryRun = Boolean(values['dry-run']);
      const driven = await driveRun(ctx, (onProgress) =>
        ctx.services().engine.resyncCompanies(companies, onProgress, dryRun),
      );
      const report = await runReport(ctx, driven.summary, PLANNED_WRITES_SHOWN);
      if (ctx.json) printJson(ctx.stdout, { companyIds: companies, runs: [reportJson(db, driven.summary, report)] });
      else printReport(ctx, driven.summary, report);
      return finishRun(ctx, driven);
    }
    // R9.3 the whole retry queue in one run: accounts, and companies whose account creation failed.
    if (values.errors && !values['dry-run']) {
      const category = stringOption(values, 'category');
      const targets = retryTargets(db, category);
      const started = ctx.services().engine.resyncErrors(category);
      if (!started) {
        if (ctx.json) printJson(ctx.stdout, { accountIds: [], runs: [] });
        else print(ctx.stdout, 'Nothing to resync: the retry queue is empty.');
        return exitCodes.ok;
      }
      const summary = await started.finished.catch((error: unknown) => {
        throw cliError(error);
      });
      if (ctx.json) printJson(ctx.stdout, { ...targets, runs: [runJson(db, summary)] });
      else printCounts(ctx, summary);
      return finishRun(ctx, { summary, pausedByUser: false });
    }
    const accountIds = [...new Set(chooseAccounts(db, values))];
    if (accountIds.length === 0) {
      if (ctx.json) printJson(ctx.stdout, { accountIds, runs: [] });
      else print(ctx.stdout, 'Nothing to resync: the retry queue is empty.');
      return exitCodes.ok;
    }
    const { runs, interrupted } = await resync(ctx, accountIds, Boolean(values['dry-run']));
    if (ctx.json) printJson(ctx.stdout, { accountIds, runs: runs.map((run) => runJson(db, run)) });
    else for (const run of runs) printCounts(ctx, run);
    const codes = runs.map((summary) => finishRun(ctx, { summary, pausedByUser: interrupted }));
    if (interrupted && !codes.includes(exitCodes.interrupted)) return exitCodes.interrupted;
    return codes.find((code) => code !== exitCodes.ok) ?? exitCodes.ok;
  },
};
