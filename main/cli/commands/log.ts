/**
 * `sfhs log`: the local log (R9.1, R9.5), filtered and exported offline (no connection needed). Every entry carries
 * field-level before/after values. `--json` prints NDJSON — one entry per line — because it streams: a million
 * entries never sit in memory, and `jq` / `grep` read it line by line. `--csv` streams RFC 4180 rows with a header.
 */
import { explain, type LogEntryView, logOutcomes } from '../../../shared/contract/index.js';
import type { LogOutcome, LogQuery } from '../../engine/log/log-store.js';
import { countLog, iterateLog } from '../../engine/log/log-store.js';
import { LOG_CSV_HEADER, csvLine, logCsvLine } from '../../engine/log/csv.js';
import { type CliCommand, type CliContext, exitCodes, type ParsedCommand, print } from '../command.js';
import { writeLines } from '../output/json.js';
import { choiceOption, countOption, stringOption, timeOption } from '../output/options.js';
import { formatTable } from '../output/table.js';

const OUTCOMES = logOutcomes satisfies readonly LogOutcome[];
const DIRECTIONS = ['sf_to_hs', 'hs_to_sf', 'local'] as const;
/** Text is for reading: a screenful unless asked for more; --json and --csv are for exporting: everything. */
const TEXT_LIMIT = 50;

function logQuery(values: ParsedCommand['values']): LogQuery {
  return {
    runId: stringOption(values, 'run'),
    recordId: stringOption(values, 'record'),
    category: stringOption(values, 'category'),
    outcome: choiceOption(values, 'outcome', OUTCOMES),
    direction: choiceOption(values, 'direction', DIRECTIONS),
    since: timeOption(values, 'since'),
    until: timeOption(values, 'until'),
    text: stringOption(values, 'text'),
  };
}

function* limited<T>(items: Iterable<T>, max: number): Generator<T> {
  let n = 0;
  for (const item of items) {
    if (n++ >= max) return;
    yield item;
  }
}

function* mapped<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

const changes = (entry: LogEntryView): string =>
  Object.keys({ ...entry.before, ...entry.after })
    .map(
      (field) =>
        `${field}: ${JSON.stringify(entry.before?.[field] ?? null)} → ${JSON.stringify(entry.after?.[field] ?? null)}`,
    )
    .join('; ');

function printText(ctx: CliContext, entries: LogEntryView[], total: number): void {
  if (entries.length === 0) {
    print(ctx.stdout, 'No log entries match.');
    return;
  }
  const rows = entries.map((e) => [
    e.id,
    e.at.slice(0, 19).replace('T', ' '),
    e.operation,
    e.outcome,
    e.name,
    e.sfAccountId,
    e.hsCompanyId,
    [e.reason && explain(e.reason).label, e.message, e.operation === 'field' ? '' : changes(e)]
      .filter(Boolean)
      .join(' · '),
  ]);
  const columns = [
    { header: 'ID', align: 'right' as const },
    { header: 'AT (UTC)' },
    { header: 'OP' },
    { header: 'OUTCOME' },
    { header: 'NAME', max: 32 },
    { header: 'ACCOUNT' },
    { header: 'COMPANY' },
    { header: 'WHAT', max: 140 },
  ];
  for (const line of formatTable(columns, rows)) print(ctx.stdout, line);
  if (total > entries.length)
    print(ctx.stdout, `… ${total - entries.length} more: --limit N, --json or --csv for all.`);
}

export const logCommand: CliCommand = {
  name: 'log',
  summary: 'browse and export the sync log offline (filters; --json NDJSON or --csv)',
  usage: [
    '[--run ID] [--record ID] [--category C] [--outcome O] [--direction D] [--since T] [--until T] [--text S]',
    '    [--limit N] [--csv | --json]',
    `--outcome  one of ${OUTCOMES.join(', ')}`,
    '           (failed: a record refused as a whole; rejected: a record written without one of its values)',
    `--direction  one of ${DIRECTIONS.join(', ')}`,
    '--text     words in the account or company name, its domain, the reason or the message (e.g. --text Stark)',
    '--since/--until  a date (2024-05-01) or ISO time, UTC',
    `(text)     the first ${TEXT_LIMIT} entries unless --limit; --json and --csv: every match unless --limit`,
    '--json     NDJSON: one entry per line {id, at, runId, direction, sfAccountId, hsCompanyId, name, domain,',
    '           operation, reason, before: {field: value}, after: {field: value}, outcome, category, message}',
  ],
  options: {
    run: { type: 'string' },
    record: { type: 'string' },
    category: { type: 'string' },
    outcome: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    text: { type: 'string' },
    direction: { type: 'string' },
    limit: { type: 'string' },
    csv: { type: 'boolean', default: false },
  },
  async run(ctx, { values }) {
    const query = logQuery(values);
    const { db } = ctx.services();
    const exporting = ctx.json || Boolean(values.csv);
    const max = countOption(values, 'limit', exporting ? Number.MAX_SAFE_INTEGER : TEXT_LIMIT, Number.MAX_SAFE_INTEGER);
    const rows = limited(iterateLog(db, query), max);
    if (values.csv) {
      ctx.stdout.write(csvLine(LOG_CSV_HEADER));
      await writeLines(ctx.stdout, mapped(rows, logCsvLine));
    } else if (ctx.json) {
      await writeLines(
        ctx.stdout,
        mapped(rows, (row) => `${JSON.stringify(row)}\n`),
      );
    } else {
      const entries = [...rows];
      printText(ctx, entries, entries.length < max ? entries.length : countLog(db, query));
    }
    return exitCodes.ok;
  },
};
