/**
 * Values dropped from records that were written (or skipped, or in a dry run, would be): the field problems a
 * plan journals on each op (R7.7 PROPERTY_VALUE; R7.5 owner warnings), grouped by field, code and value. A failed
 * op wrote nothing, so its problems are part of its failure and are not counted again (as in log/op-log.ts).
 */
import type { Database } from 'better-sqlite3';
import {
  type Direction,
  type RejectedValueGroup,
  type RejectedValues,
  type ValueFix,
  directions,
} from '../../../shared/contract/index.js';
import { prepared } from '../../db/statements.js';
import { recordFacts } from '../log/log-store.js';
import type { FieldProblem } from '../plan/field-diff.js';
import { systemOf } from './record-counts.js';

const SAMPLE = 20;

const directionOfProblem: Record<FieldProblem['direction'], Direction> = {
  sf_to_hs: 'to_hubspot',
  hs_to_sf: 'to_salesforce',
};

/** What a person can do about a value, by why it was refused. */
export function fixesFor(code: string): ValueFix[] {
  if (code === 'PICKLIST_VALUE_MISSING' || code === 'INVALID_OPTION')
    return ['map_value', 'add_option', 'exclude_field'];
  if (code === 'UNKNOWN_FIELD' || code === 'PROPERTY_DOESNT_EXIST') return ['fix_mapping', 'exclude_field'];
  return ['fix_value', 'exclude_field'];
}

export const problemsOfDetail = (detail: string | null | undefined): FieldProblem[] => {
  if (!detail?.startsWith('{')) return [];
  const parsed = JSON.parse(detail) as { problems?: FieldProblem[] };
  return parsed.problems ?? [];
};

interface OpProblems {
  system: string;
  sfAccountId: string | null;
  hsCompanyId: string | null;
  problems: FieldProblem[];
}

function* opsWithProblems(db: Database, runId: string, dryRun: boolean): Generator<OpProblems> {
  // A real run counts what reached its end (written, skipped, held); a dry run counts what it would write.
  const rows = prepared(
    db,
    `SELECT system, sf_account_id, hs_company_id, json_extract(diff, '$.detail') AS detail FROM run_ops
     WHERE run_id = :runId AND json_extract(diff, '$.detail') LIKE '{"problems"%'
       AND (:dryRun = 1 OR state IN ('confirmed', 'done'))`,
  ).iterate({ runId, dryRun: dryRun ? 1 : 0 }) as Iterable<{
    system: string;
    sf_account_id: string | null;
    hs_company_id: string | null;
    detail: string;
  }>;
  for (const r of rows) {
    yield {
      system: r.system,
      sfAccountId: r.sf_account_id,
      hsCompanyId: r.hs_company_id,
      problems: problemsOfDetail(r.detail),
    };
  }
}

const emptyRejected = (): RejectedValues => ({ values: 0, records: 0, fields: [], groups: [] });

export interface ProblemCounts {
  rejected: Record<Direction, RejectedValues>;
  warnings: Record<Direction, number>;
}

export function problemCounts(db: Database, runId: string, dryRun: boolean): ProblemCounts {
  const groups = new Map<string, RejectedValueGroup & { direction: Direction }>();
  const out: ProblemCounts = {
    rejected: { to_hubspot: emptyRejected(), to_salesforce: emptyRejected() },
    warnings: { to_hubspot: 0, to_salesforce: 0 },
  };
  for (const op of opsWithProblems(db, runId, dryRun)) {
    // A skip, or the only write of a pair, carries the problems of both directions: each says its own.
    const opDirection = directions.find((d) => systemOf[d] === op.system) as Direction;
    const rejectedHere = new Set<Direction>();
    for (const p of op.problems) {
      const direction = p.direction ? directionOfProblem[p.direction] : opDirection;
      if (p.category !== 'PROPERTY_VALUE') {
        out.warnings[direction]++;
        continue;
      }
      rejectedHere.add(direction);
      out.rejected[direction].values++;
      const value = p.value ?? null;
      const key = JSON.stringify([direction, p.field, p.code, value]);
      let group = groups.get(key);
      if (!group) {
        group = {
          direction,
          field: p.field,
          category: p.category,
          code: p.code,
          value,
          message: p.message,
          count: 0,
          records: [],
          fixes: fixesFor(p.code),
        };
        groups.set(key, group);
      }
      group.count++;
      if (group.records.length < SAMPLE)
        group.records.push({ sfAccountId: op.sfAccountId, hsCompanyId: op.hsCompanyId, name: null });
    }
    for (const direction of rejectedHere) out.rejected[direction].records++;
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || a.field.localeCompare(b.field));
  for (const { direction, ...group } of sorted) {
    group.records = group.records.map((r) => ({ ...r, name: recordFacts(db, r).name }));
    out.rejected[direction].groups.push(group);
  }
  for (const direction of directions) {
    const perField = new Map<string, number>();
    for (const g of out.rejected[direction].groups) perField.set(g.field, (perField.get(g.field) ?? 0) + g.count);
    out.rejected[direction].fields = [...perField.entries()].sort((a, b) => b[1] - a[1]).map(([field]) => field);
  }
  return out;
}
