/**
 * A run's outcome as a person reads it on the command line: the headline, one column per direction, and every
 * rejected value grouped by field and value with what to do about it. Reads RunOutcome (engine/outcome) only.
 */
import type { Writable } from 'node:stream';
import {
  type DirectionOutcome,
  directionLabels,
  explain,
  type RejectedValueGroup,
  type RunOutcome,
  valueFixLabels,
} from '../../../shared/contract/index.js';
import { print } from '../command.js';
import { formatTable } from './table.js';

const n = (value: number) => value.toLocaleString('en-US');

type Row = [string, (d: DirectionOutcome) => number];

const PLANNED_ROWS: Row[] = [
  ['create', (d) => d.planned.create],
  ['update', (d) => d.planned.update],
  ['nothing to write', (d) => d.planned.skip],
  ['hold for review', (d) => d.planned.hold],
  ['= records considered', (d) => d.considered],
  ['values that would be rejected', (d) => d.rejected.values],
];

const RESULT_ROWS: Row[] = [
  ['created', (d) => d.records.created],
  ['updated', (d) => d.records.updated],
  ['unchanged', (d) => d.records.unchanged],
  ['held for review', (d) => d.records.held],
  ['failed', (d) => d.records.failed],
  ['not written yet', (d) => d.records.pending],
  ['= records considered', (d) => d.considered],
  ['values rejected', (d) => d.rejected.values],
];

export function outcomeTable(outcome: RunOutcome): string[] {
  const both = [outcome.to_hubspot, outcome.to_salesforce];
  const rows = (outcome.dryRun ? PLANNED_ROWS : RESULT_ROWS).map(([label, count]) => [
    label,
    ...both.map((d) => n(count(d))),
  ]);
  return formatTable(
    [
      { header: '' },
      { header: directionLabels.to_hubspot, align: 'right' },
      { header: directionLabels.to_salesforce, align: 'right' },
    ],
    rows,
  );
}

const GROUPS_SHOWN = 10;
const NAMES_SHOWN = 3;

function groupLines(direction: DirectionOutcome, group: RejectedValueGroup): string[] {
  const value = group.value === null ? '' : ` "${group.value}"`;
  const names = group.records
    .slice(0, NAMES_SHOWN)
    .map((r) => r.name ?? r.sfAccountId ?? r.hsCompanyId)
    .join(', ');
  const more = group.count > NAMES_SHOWN ? ` and ${n(group.count - NAMES_SHOWN)} more` : '';
  return [
    `  ${directionLabels[direction.direction]}: ${group.field}${value} — ${n(group.count)} record(s)`,
    `    ${explain(group.code).label}: ${group.message}`,
    `    e.g. ${names}${more}`,
  ];
}

/** Every rejected value, grouped; the fixes once, after the groups. */
export function rejectedLines(outcome: RunOutcome, logCommand: string): string[] {
  const total = outcome.totals.rejectedValues;
  if (total === 0) return [];
  const groups = [outcome.to_hubspot, outcome.to_salesforce].flatMap((d) => d.rejected.groups.map((g) => ({ d, g })));
  groups.sort((a, b) => b.g.count - a.g.count);
  const records = outcome.to_hubspot.rejected.records + outcome.to_salesforce.rejected.records;
  const verb = outcome.dryRun ? 'would not be written' : 'were not written';
  const lines = [`${n(total)} value(s) on ${n(records)} record(s) ${verb} (the rest of each record was):`];
  for (const { d, g } of groups.slice(0, GROUPS_SHOWN)) lines.push(...groupLines(d, g));
  if (groups.length > GROUPS_SHOWN) lines.push(`  … and ${groups.length - GROUPS_SHOWN} more value(s)`);
  const fixes = [...new Set(groups.flatMap(({ g }) => g.fixes))];
  lines.push('To fix them:');
  for (const fix of fixes) lines.push(`  - ${valueFixLabels[fix]}`);
  lines.push(`Every one: ${logCommand}`);
  return lines;
}

export function printOutcome(out: Writable, outcome: RunOutcome, logCommand: string): void {
  print(out, outcome.headline);
  print(out, '');
  for (const line of outcomeTable(outcome)) print(out, `  ${line}`);
  if (outcome.linkWriteBacks.written + outcome.linkWriteBacks.failed + outcome.linkWriteBacks.pending > 0) {
    const w = outcome.linkWriteBacks;
    print(
      out,
      `  New accounts' ids written back to their companies: ${n(w.written)}` +
        (w.failed ? `, ${n(w.failed)} failed` : '') +
        (w.pending ? `, ${n(w.pending)} not yet` : ''),
    );
  }
  const failed = [outcome.to_hubspot, outcome.to_salesforce].flatMap((d) =>
    Object.entries(d.failedByCategory).map(
      ([category, count]) => `  ${directionLabels[d.direction]}: ${n(count)} ${explain(category).label}`,
    ),
  );
  if (failed.length) {
    print(out, '');
    print(out, 'Failed records, by cause:');
    for (const line of failed) print(out, line);
  }
  const rejected = rejectedLines(outcome, logCommand);
  if (rejected.length) {
    print(out, '');
    for (const line of rejected) print(out, line);
  }
}
