/**
 * Plans the account hierarchy of a run, after its companies exist (so a child created in the same run gets its
 * parent): per linked account one decision (decide.ts), journaled as a HubSpot association op or a Salesforce
 * ParentId update; a parent with no counterpart, or a loop the decisions would make, is held and logged with the
 * ASSOCIATIONS category and the ids involved. Nothing is planned twice: it compares what the cache says is true.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../../db/statements.js';
import { logDecisions } from '../log/op-log.js';
import { companyLabel } from '../log/readable.js';
import { toSfId18 } from '../rules/ids.js';
import { appendOps, type PlannedOp } from '../runs/ops-store.js';
import { saveFieldBases } from '../state/links.js';
import { decideParent, loopThrough, type ParentDecision, type ParentFacts } from './decide.js';

export const PARENT_FIELD = 'ParentId';
/** The field names a person reads in the log for the two sides of the hierarchy. */
export const PARENT_ACCOUNT_LABEL = 'Parent account';
export const PARENT_COMPANY_LABEL = 'Parent company';
const PAGE = 1000;

interface Row {
  accountId: string;
  companyId: string;
  sfParent: string | null;
  hsParentCompany: string | null;
  hsParentAccount: string | null;
  base: string | null | undefined;
}

const pageSql = `
  SELECT l.sf_account_id AS accountId, l.hs_company_id AS companyId,
    json_extract(a.fields, '$.ParentId') AS sfParent, p.parent_id AS hsParentCompany,
    pl.sf_account_id AS hsParentAccount, f.value AS base, f.sf_field AS hasBase
  FROM links l JOIN sf_accounts a ON a.id = l.sf_account_id
  LEFT JOIN hs_company_parents p ON p.company_id = l.hs_company_id
  LEFT JOIN links pl ON pl.hs_company_id = p.parent_id
  LEFT JOIN field_state f ON f.sf_account_id = l.sf_account_id AND f.sf_field = '${PARENT_FIELD}'
  WHERE l.sf_account_id > :after AND a.is_deleted = 0
    AND (:runId IS NULL OR EXISTS (SELECT 1 FROM run_ops o WHERE o.run_id = :runId AND o.sf_account_id = l.sf_account_id))
  ORDER BY l.sf_account_id LIMIT :limit`;

function readPage(db: Database, after: string, scopeRunId: string | null): Row[] {
  const rows = prepared(db, pageSql).all({ after, runId: scopeRunId, limit: PAGE }) as Array<
    Omit<Row, 'base'> & { base: string | null; hasBase: string | null }
  >;
  return rows.map(({ hasBase, base, ...r }) => ({
    ...r,
    sfParent: r.sfParent ? toSfId18(r.sfParent) : null,
    base: hasBase === null ? undefined : base === null ? null : (JSON.parse(base) as string | null),
  }));
}

const companyOf = (db: Database, accountId: string): string | null =>
  (prepared(db, 'SELECT hs_company_id FROM links WHERE sf_account_id = :accountId').pluck().get({ accountId }) as
    | string
    | undefined) ?? null;

export function accountLabel(db: Database, id: string | null): string | null {
  if (id === null) return null;
  const name = prepared(db, 'SELECT name FROM sf_accounts WHERE id = :id').pluck().get({ id }) as string | undefined;
  return name ? `${name} (${id})` : `account ${id}`;
}

const hold = (row: Row, reason: string, message: string): PlannedOp => ({
  system: 'hubspot',
  operation: 'hold',
  sfAccountId: row.accountId,
  hsCompanyId: row.companyId,
  payload: null,
  diff: [],
  reason,
  detail: JSON.stringify({ category: 'ASSOCIATIONS', message }),
});

function toOp(db: Database, row: Row, d: ParentDecision): PlannedOp | null {
  const ids = { sfAccountId: row.accountId, hsCompanyId: row.companyId };
  const company = (id: string | null) => (id === null ? null : companyLabel(db, id));
  switch (d.kind) {
    case 'agreed':
      return null;
    case 'unlinked':
      return d.side === 'sf'
        ? hold(
            row,
            'PARENT_NOT_LINKED',
            `${accountLabel(db, row.accountId)}: its parent ${accountLabel(db, d.parent)} has no linked HubSpot company, so the company's parent was not set. Import or link the parent account, then sync again.`,
          )
        : hold(
            row,
            'PARENT_NOT_LINKED',
            `${company(row.companyId)}: its parent ${company(d.parent)} is not linked to a Salesforce account, so the account's parent was not set. Link the parent company, then sync again.`,
          );
    case 'hubspot':
      return {
        system: 'hubspot',
        operation: 'update',
        ...ids,
        payload: {
          hierarchy: { parentCompany: d.parentCompany, previousCompany: d.previousCompany, parent: d.parent },
        },
        diff: [{ field: PARENT_COMPANY_LABEL, before: company(d.previousCompany), after: company(d.parentCompany) }],
        reason: 'PARENT_CHANGED',
      };
    case 'salesforce':
      return {
        system: 'salesforce',
        operation: 'update',
        ...ids,
        // `previousParent` is what a revert of this write restores.
        payload: {
          fields: { [PARENT_FIELD]: d.parent },
          bases: { [PARENT_FIELD]: d.parent },
          previousParent: d.previous,
        },
        diff: [
          { field: PARENT_ACCOUNT_LABEL, before: accountLabel(db, d.previous), after: accountLabel(db, d.parent) },
        ],
        reason: 'PARENT_CHANGED',
      };
  }
}

export interface HierarchyPlanOptions {
  runId: string;
  dryRun: boolean;
  /** Plan only for accounts this run's journal names (a resync of some accounts); null plans every linked one. */
  scopeRunId: string | null;
  /**
   * A sync runs every few minutes: a problem already reported in the same words is not reported again each time
   * (an import or a resync always reports it).
   */
  quiet?: boolean;
}

/** Whether the account's latest hold says the same thing (same reason, same message). */
function reportedBefore(db: Database, op: PlannedOp): boolean {
  const last = prepared(
    db,
    `SELECT reason, diff FROM run_ops INDEXED BY run_ops_holds WHERE sf_account_id = :id AND operation = 'hold'
       AND run_id IN (SELECT id FROM runs WHERE dry_run = 0)
     ORDER BY run_id DESC LIMIT 1`,
  ).get({ id: op.sfAccountId }) as { reason: string; diff: string | null } | undefined;
  if (!last || last.reason !== op.reason || !last.diff) return false;
  return (JSON.parse(last.diff) as { detail?: string | null }).detail === op.detail;
}

/** Journals the hierarchy decisions of a run; returns how many writes were planned. */
export function planHierarchy(db: Database, options: HierarchyPlanOptions): number {
  const decided: Array<{ row: Row; decision: ParentDecision }> = [];
  // The parent each account whose parent changes would have after the run (the others keep ParentId): what a loop
  // check walks. Only changes are kept, so memory follows the changes, not the accounts.
  const after = new Map<string, string | null>();
  const at = new Date().toISOString();
  for (let rows = readPage(db, '', options.scopeRunId); rows.length > 0; ) {
    db.transaction(() => {
      for (const row of rows) {
        const sfParentCompany = row.sfParent ? companyOf(db, row.sfParent) : null;
        const decision = decideParent({ ...row, sfParentCompany } satisfies ParentFacts);
        if (decision.kind === 'hubspot' || decision.kind === 'salesforce') after.set(row.accountId, decision.parent);
        if (decision.kind !== 'agreed') decided.push({ row, decision });
        // Both sides already agree: that is the base the next change is measured against.
        else if (!options.dryRun && row.base !== decision.parent)
          saveFieldBases(db, row.accountId, { [PARENT_FIELD]: decision.parent }, at);
      }
    })();
    rows = readPage(db, (rows.at(-1) as Row).accountId, options.scopeRunId);
  }
  const parentOf = (id: string) => (after.has(id) ? after.get(id) : parentInCache(db, id));
  const ops: PlannedOp[] = decided.flatMap(({ row, decision }) => {
    const loop = decision.kind === 'agreed' ? null : loopThrough(row.accountId, parentOf);
    if (loop) {
      const names = loop.map((id) => accountLabel(db, id)).join(' → ');
      return [
        hold(
          row,
          'HIERARCHY_LOOP',
          `The parent changes on both sides would make a loop (${names} → back to the first); nothing was written. Fix the parent in Salesforce or HubSpot, then sync again.`,
        ),
      ];
    }
    return toOp(db, row, decision) ?? [];
  });
  const journaled = options.quiet ? ops.filter((op) => op.operation !== 'hold' || !reportedBefore(db, op)) : ops;
  for (let i = 0; i < journaled.length; i += PAGE) {
    const page = journaled.slice(i, i + PAGE);
    db.transaction(() => {
      appendOps(db, options.runId, page);
      if (!options.dryRun) logDecisions(db, options.runId, page, at);
    })();
  }
  return ops.filter((op) => op.operation === 'update').length;
}

function parentInCache(db: Database, id: string): string | null {
  const raw = prepared(db, "SELECT json_extract(fields, '$.ParentId') FROM sf_accounts WHERE id = :id")
    .pluck()
    .get({ id }) as string | null | undefined;
  return raw ? toSfId18(raw) : null;
}
