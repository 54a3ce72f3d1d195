/**
 * `sfhs holds`: R6.4 hold review from the terminal — the queue of unresolved holds across runs with each
 * candidate's facts, and the three decisions (link to a candidate, create new, skip for good), one or in bulk, each
 * carried out by a journaled run in the foreground.
 */
import type { HoldActionInput, HoldActionRejected, HoldView } from '../../../shared/contract/index.js';
import { AppError } from '../../app/errors.js';
import { countUnresolvedHolds, unresolvedHoldIds, unresolvedHolds } from '../../engine/holds/queue.js';
import { decideHolds } from '../../engine/holds/resolve.js';
import { type CliCommand, type CliContext, exitCodes, type ParsedCommand, print } from '../command.js';
import { printJson } from '../output/json.js';
import { countOption, suggest } from '../output/options.js';
import { driveRun, finishRun } from '../output/run-driver.js';
import { printCounts, runJson } from '../output/run-report.js';

function candidateFacts(c: HoldView['candidates'][number]): string {
  const facts = [
    c.sharedContacts.length
      ? `${c.sharedContacts.length} shared contact(s): ${c.sharedContacts.map((s) => s.email ?? s.id).join(', ')}`
      : null,
    c.sameDomain ? `same domain ${c.domain}` : null,
    c.sameName ? 'same name' : null,
    c.linkedToAccount ? `linked to ${c.linkedToAccount}` : null,
  ].filter(Boolean);
  return `    company ${c.companyId}  ${c.name ?? '(no name)'}  ${c.domain ?? ''}  — ${facts.join('; ') || 'no shared facts'}`;
}

function list(ctx: CliContext, values: ParsedCommand['values']): number {
  const { db } = ctx.services();
  const holds = unresolvedHolds(db, '', countOption(values, 'limit', 100, 10_000));
  const total = countUnresolvedHolds(db);
  if (ctx.json) {
    printJson(ctx.stdout, { total, holds });
    return exitCodes.ok;
  }
  if (total === 0) {
    print(ctx.stdout, 'No unresolved holds.');
    return exitCodes.ok;
  }
  print(ctx.stdout, `${total} unresolved hold(s)${holds.length < total ? `, first ${holds.length}` : ''}:`);
  for (const hold of holds) {
    print(ctx.stdout, '');
    print(ctx.stdout, `account ${hold.sfAccountId}  ${hold.accountName ?? '(no name)'}  ${hold.domain ?? ''}`);
    print(ctx.stdout, `  ${hold.reason} (${hold.category}): ${hold.message}  [run ${hold.runId}]`);
    for (const c of hold.candidates) print(ctx.stdout, candidateFacts(c));
  }
  print(ctx.stdout, '');
  print(
    ctx.stdout,
    `Decide with: ${suggest(ctx, 'holds', 'link', 'ACCOUNT_ID=COMPANY_ID')} (or create / skip ACCOUNT_ID...)`,
  );
  return exitCodes.ok;
}

/** `link A=C ...` or `link A C`; `create|skip A ...` or `--all` (every unresolved hold). */
function actionsFrom(
  ctx: CliContext,
  verb: 'link' | 'create' | 'skip',
  ids: string[],
  all: boolean,
): HoldActionInput[] {
  if (verb === 'link') {
    const pairs = ids.length === 2 && !ids[0]?.includes('=') ? [`${ids[0]}=${ids[1]}`] : ids;
    if (pairs.length === 0 || all)
      throw new AppError(
        'VALIDATION',
        'Say which account goes with which company: sfhs holds link ACCOUNT_ID=COMPANY_ID ...',
      );
    return pairs.map((pair) => {
      const [sfAccountId = '', hsCompanyId = ''] = pair.split('=');
      if (!sfAccountId || !hsCompanyId)
        throw new AppError('VALIDATION', `"${pair}" is not ACCOUNT_ID=COMPANY_ID (sfhs holds lists the candidates).`);
      return { sfAccountId, action: verb, hsCompanyId };
    });
  }
  const accounts = all ? unresolvedHoldIds(ctx.services().db, '', 10_000) : ids;
  if (accounts.length === 0)
    throw new AppError(
      'VALIDATION',
      `Say which held accounts to ${verb}: sfhs holds ${verb} ACCOUNT_ID... (or --all).`,
    );
  return accounts.map((sfAccountId) => ({ sfAccountId, action: verb }));
}

function printRejected(ctx: CliContext, rejected: HoldActionRejected[]): void {
  for (const r of rejected)
    print(ctx.stderr, `account ${r.sfAccountId}: ${r.code}${r.category ? ` (${r.category})` : ''}: ${r.message}`);
}

async function decide(ctx: CliContext, verb: 'link' | 'create' | 'skip', ids: string[], all: boolean): Promise<number> {
  const services = ctx.services();
  const actions = actionsFrom(ctx, verb, ids, all);
  const decided = decideHolds(services.db, services.engine, actions);
  if (!decided.started) {
    if (ctx.json) printJson(ctx.stdout, { accepted: [], rejected: decided.rejected, run: null });
    printRejected(ctx, decided.rejected);
    return exitCodes.validation;
  }
  const started = decided.started;
  const { accepted, rejected } = decided;
  const driven = await driveRun(ctx, () => started);
  if (ctx.json) printJson(ctx.stdout, { accepted, rejected, run: runJson(services.db, driven.summary) });
  else printCounts(ctx, driven.summary);
  printRejected(ctx, rejected);
  const code = finishRun(ctx, driven);
  return code === exitCodes.ok && rejected.length > 0 ? exitCodes.validation : code;
}

export const holdsCommand: CliCommand = {
  name: 'holds',
  summary: 'review held records: list them with their candidates, then link, create new or skip',
  usage: [
    '[list] [--limit N]      every unresolved hold across runs, with each candidate and why it is one',
    'link ACCOUNT_ID=COMPANY_ID ...   link each held account to the chosen candidate company',
    'create ACCOUNT_ID... | --all     create a new company for each (never for a duplicate link)',
    'skip ACCOUNT_ID... | --all       leave each unlinked for good (later runs skip it instead of holding it)',
    '--json          list: {total, holds}; link/create/skip: {accepted, rejected, run}',
  ],
  options: { limit: { type: 'string' }, all: { type: 'boolean', default: false } },
  async run(ctx, { values, positionals }) {
    const [verb = 'list', ...ids] = positionals;
    if (verb === 'list') return list(ctx, values);
    if (verb === 'link' || verb === 'create' || verb === 'skip') return decide(ctx, verb, ids, Boolean(values.all));
    print(ctx.stderr, `Unknown holds verb "${verb}": use list, link, create or skip.`);
    return exitCodes.usage;
  },
};
