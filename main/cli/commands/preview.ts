/**
 * `sfhs preview companies`: R3.4, for every HubSpot company, whether a Salesforce account would be created and why
 * — with the company-sync switch on or off. The cache is refreshed first unless --no-refresh. Output streams, so
 * 500,000 companies never sit in memory: text (counts per reason), --csv (one line per company) or --json (one
 * object: {counts: {CODE: n}, companies: [{id, name, reason, contactIds}]}; companies first, counts at the end).
 */
import { type PreviewReason, previewReasons } from '../../../shared/contract/index.js';
import { AppError } from '../../app/errors.js';
import type { CompanyFilter } from '../../engine/hs-to-sf/company-facts.js';
import { PREVIEW_CSV_HEADER, previewCsvLine } from '../../engine/hs-to-sf/preview-csv.js';
import { summarize } from '../../engine/hs-to-sf/preview.js';
import { refreshForPreview } from '../../engine/hs-to-sf/refresh.js';
import { type CliCommand, type CliContext, exitCodes, type ParsedCommand, print } from '../command.js';

const text = (values: ParsedCommand['values'], name: string): string | null =>
  typeof values[name] === 'string' ? (values[name] as string) : null;

function reasonOf(values: ParsedCommand['values']): PreviewReason | null {
  const reason = text(values, 'reason');
  if (reason === null) return null;
  if (!(previewReasons as readonly string[]).includes(reason)) {
    throw new AppError('VALIDATION', `Unknown reason "${reason}". Reasons: ${previewReasons.join(', ')}.`);
  }
  return reason as PreviewReason;
}

function filterOf(values: ParsedCommand['values']): CompanyFilter {
  const createdSince = text(values, 'created-since');
  if (createdSince !== null && Number.isNaN(Date.parse(createdSince))) {
    throw new AppError('VALIDATION', `--created-since must be a date or date-time, got "${createdSince}".`);
  }
  return {
    ownerId: text(values, 'owner'),
    createdSince: createdSince === null ? null : new Date(createdSince).toISOString(),
    listId: text(values, 'list'),
  };
}

async function previewCompanies(ctx: CliContext, values: ParsedCommand['values']): Promise<number> {
  const reason = reasonOf(values);
  const filter = filterOf(values);
  const services = ctx.services();
  const settings = services.settings.get();
  const refreshed = values['no-refresh']
    ? []
    : await refreshForPreview(services.db, services.connections, settings, filter.listId ?? null);
  const out = ctx.stdout;
  const csv = Boolean(values.csv);
  const listed = (reasonOk: PreviewReason) => reason === null || reason === reasonOk;
  if (csv) out.write(PREVIEW_CSV_HEADER);
  if (ctx.json) out.write('{"companies":[');
  let first = true;
  const summary = summarize(services.db, settings, filter, (company) => {
    if (!listed(company.reason)) return;
    if (csv) out.write(previewCsvLine(company));
    else if (ctx.json) {
      const { id, name, reason: why, contactIds } = company;
      out.write(`${first ? '' : ','}${JSON.stringify({ id, name, reason: why, contactIds })}`);
      first = false;
    } else if (reason !== null) print(out, `${company.id}\t${company.name ?? ''}\t${company.contactIds.join(' ')}`);
  });
  const problems = [...refreshed, ...summary.problems.filter((p) => !refreshed.some((r) => r.code === p.code))];
  if (ctx.json) {
    print(
      out,
      `],"counts":${JSON.stringify(summary.counts)},"total":${summary.total},"problems":${JSON.stringify(problems)}}`,
    );
  } else if (!csv) {
    print(
      out,
      `${summary.total} companies${settings.syncCompanies ? '' : ' (company sync is off: nothing is created until it is on)'}`,
    );
    for (const code of previewReasons) print(out, `${code.padEnd(28)} ${summary.counts[code]}`);
  }
  for (const problem of problems) print(ctx.stderr, `${problem.code} ${problem.recordId ?? ''}: ${problem.message}`);
  return exitCodes.ok;
}

export const previewCommand: CliCommand = {
  name: 'preview',
  summary: 'preview, for every HubSpot company, whether a Salesforce account would be created and why (R3.4)',
  usage: [
    'companies [--reason CODE] [--csv | --json] [--no-refresh]',
    '          [--owner HS_OWNER_ID] [--created-since DATE] [--list LIST_ID]',
  ],
  options: {
    reason: { type: 'string' },
    csv: { type: 'boolean' },
    'no-refresh': { type: 'boolean' },
    owner: { type: 'string' },
    'created-since': { type: 'string' },
    list: { type: 'string' },
  },
  async run(ctx, { values, positionals }) {
    if (positionals[0] !== 'companies') {
      print(ctx.stderr, 'Usage: sfhs preview companies [--reason CODE] [--csv | --json] [--no-refresh]');
      return exitCodes.usage;
    }
    if (values.csv && ctx.json) throw new AppError('VALIDATION', 'Choose one of --csv and --json.');
    return previewCompanies(ctx, values);
  },
};
