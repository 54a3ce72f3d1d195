/**
 * R6.4 what a person decided for a held account: link it to one candidate, create a new company, or skip it for
 * good. Kept per account so every later run honours the decision instead of holding the account again.
 */
import type { Database } from 'better-sqlite3';
import type { HoldActionName } from '../../../shared/contract/index.js';
import { prepared } from '../../db/statements.js';

export interface HoldResolution {
  sfAccountId: string;
  action: HoldActionName;
  hsCompanyId: string | null;
  runId: string | null;
  resolvedAt: string;
}

interface Row {
  sf_account_id: string;
  action: HoldActionName;
  hs_company_id: string | null;
  run_id: string | null;
  resolved_at: string;
}

const toResolution = (r: Row): HoldResolution => ({
  sfAccountId: r.sf_account_id,
  action: r.action,
  hsCompanyId: r.hs_company_id,
  runId: r.run_id,
  resolvedAt: r.resolved_at,
});

export function holdResolution(db: Database, sfAccountId: string): HoldResolution | null {
  const row = prepared(db, 'SELECT * FROM hold_resolutions WHERE sf_account_id = :sfAccountId').get({
    sfAccountId,
  }) as Row | undefined;
  return row ? toResolution(row) : null;
}

/** A later decision replaces an earlier one (a person may change their mind until the account is linked). */
export function saveResolutions(db: Database, resolutions: HoldResolution[]): void {
  const stmt = prepared(
    db,
    `INSERT INTO hold_resolutions (sf_account_id, action, hs_company_id, run_id, resolved_at)
     VALUES (:sfAccountId, :action, :hsCompanyId, :runId, :resolvedAt)
     ON CONFLICT(sf_account_id) DO UPDATE SET action = excluded.action, hs_company_id = excluded.hs_company_id,
       run_id = excluded.run_id, resolved_at = excluded.resolved_at`,
  );
  db.transaction(() => {
    for (const r of resolutions) stmt.run(r);
  })();
}

export function setResolutionRun(db: Database, sfAccountIds: string[], runId: string): void {
  const stmt = prepared(db, 'UPDATE hold_resolutions SET run_id = :runId WHERE sf_account_id = :sfAccountId');
  db.transaction(() => {
    for (const sfAccountId of sfAccountIds) stmt.run({ runId, sfAccountId });
  })();
}

export function deleteResolutions(db: Database, sfAccountIds: string[]): void {
  const stmt = prepared(db, 'DELETE FROM hold_resolutions WHERE sf_account_id = :sfAccountId');
  db.transaction(() => {
    for (const sfAccountId of sfAccountIds) stmt.run({ sfAccountId });
  })();
}
