/**
 * `sfhs preview companies`: R3.4, for every HubSpot company, whether a Salesforce account would be created and why
 * — with the company-sync switch on or off. The cache is refreshed first unless --no-refresh. Output streams, so
 * 500,000 companies never sit in memory: text (a table of the first companies, then the count per reason),
 * --csv (one line per company) or --json (one object: {companies: [{id, name, reason, contactIds}], counts: {CODE:
 * n}, total, problems}; companies first, counts at the end).
 */
import { explain, type PreviewCompany, type PreviewReason, previewReasons } from '../../../shared/contract/index.js';
import { AppError } from '../../app/errors.js';
import type { CompanyFilter } from '../../engine/hs-to-sf/company-facts.js';
import { PREVIEW_CSV_HEADER, previewCsvLine } from '../../engine/hs-to-sf/preview-csv.js';
import { summarize } from '../../engine/hs-to-sf/preview.js';
import { refreshForPreview } from '../../engine/hs-to-sf/refresh.js';
import { type CliCommand, type CliContext, exitCodes, type ParsedCommand, print } from '../command.js';
import { countOption } from '../output/options.js';
import { formatTable } from '../output/table.js';

/** Text is for reading: a screenful of companies unless --limit; --csv and --json list every one. */
const TEXT_LIMIT = 50;
const n = (value: number) => value.toLocaleString('en-US');

function printCompanies(ctx: CliContext, shown: PreviewCompany[], total: number): void {
  if (shown.length === 0) return;
  const rows = shown.map((c) => [
    c.id,
    c.name ?? '',
    c.decision === 'create' ? 'create account' : 'no account',
    explain(c.reason).label,
    c.linkedAccount ? (c.linkedAccount.name ?? c.linkedAccount.id) : '',
    c.contactIds.length,
  ]);
  const columns = [
    { header: 'COMPANY' },
    { header: 'NAME', max: 40 },
    { header: 'DECISION' },
    { header: 'WHY', max: 40 },
    { header: 'LINKED ACCOUNT', max: 30 },
    { header: 'CONTACTS', align: 'right' as const },
  ];
  for (const line of formatTable(columns, rows)) print(ctx.stdout, line);
  if (total > shown.length) print(ctx.stdout, `… ${n(total - shown.length)} more: --limit N, --csv or --json for all.`);
}

function printReasons(ctx: CliContext, counts: Record<PreviewReason, number>): void {
  const rows = previewReasons.map((code) => [explain(code).label, code, n(counts[code])]);
  const columns = [
    { header: 'REASON' },
    { header: 'CODE (for --reason)' },
    { header: 'COMPANIES', align: 'right' as const },
  ];
  for (const line of formatTable(columns, rows)) print(ctx.stdout, line);
}

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
  const limit = countOption(values, 'limit', TEXT_LIMIT, Number.MAX_SAFE_INTEGER);
  const shown: PreviewCompany[] = [];
  let matching = 0;
  if (csv) out.write(PREVIEW_CSV_HEADER);
  if (ctx.json) out.write('{"companies":[');
  let first = true;
  const summary = summarize(services.db, settings, filter, (company) => {
    if (!listed(company.reason)) return;
    matching++;
    if (csv) out.write(previewCsvLine(company));
    else if (ctx.json) {
      const { id, name, reason: why, contactIds } = company;
      out.write(`${first ? '' : ','}${JSON.stringify({ id, name, reason: why, contactIds })}`);
      first = false;
    } else if (shown.length < limit) shown.push(company);
  });
  const problems = [...refreshed, ...summary.problems.filter((p) => !refreshed.some((r) => r.code === p.code))];
  if (ctx.json) {
    print(
      out,
      `],"counts":${JSON.stringify(summary.counts)},"total":${summary.total},"problems":${JSON.stringify(problems)}}`,
    );
  } else if (!csv) {
    const off = settings.syncCompanies ? '' : ' (company sync is off: nothing is created until it is on)';
    const which = reason === null ? 'HubSpot companies' : `HubSpot companies with reason ${reason}`;
    print(out, `${which}: ${n(matching)}${off}`);
    print(out, '');
    printCompanies(ctx, shown, matching);
    if (reason === null) {
      print(out, '');
      printReasons(ctx, summary.counts);
    }
  }
  for (const problem of problems) print(ctx.stderr, `${problem.code} ${problem.recordId ?? ''}: ${problem.message}`);
  return exitCodes.ok;
}

export const previewCommand: CliCommand = {
  name: 'preview',
  summary: 'preview, for every HubSpot company, whether a Salesforce account would be created and why',
  usage: [
    'companies [--reason CODE] [--limit N] [--csv | --json] [--no-refresh]',
    '          [--owner HS_OWNER_ID] [--created-since DATE] [--list LIST_ID]',
    `(text)      the first ${TEXT_LIMIT} companies unless --limit, then the count per reason`,
    '--csv       every company: id, name, reason, decision, contact ids',
  ],
  options: {
    reason: { type: 'string' },
    limit: { type: 'string' },
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
