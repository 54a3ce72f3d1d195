/** Records changed since they were last planned (see the pending_changes table). */
import { prepared } from '../../db/statements.js';
import type { Database } from 'better-sqlite3';

export type ChangeSide = 'sf' | 'hs';

export type ChangeKind = 'new' | 'changed';

/** A record already pending as `changed` stays so; `new` never downgrades it. */
export function notePending(
  db: Database,
  side: ChangeSide,
  changes: Iterable<{ id: string; kind: ChangeKind }>,
  now: Date = new Date(),
): void {
  const stmt = prepared(
    db,
    `INSERT INTO pending_changes (side, record_id, kind, noted_at) VALUES (:side, :id, :kind, :at)
     ON CONFLICT(side, record_id) DO UPDATE SET kind = CASE WHEN kind = 'changed' THEN kind ELSE excluded.kind END`,
  );
  const at = now.toISOString();
  for (const { id, kind } of changes) stmt.run({ side, id, kind, at });
}

/** Whether a mapped field of this account changed since it was first seen (R2.3b), as opposed to merely new. */
export function pendingKind(db: Database, sfAccountId: string): ChangeKind | null {
  return (
    (prepared(db, "SELECT kind FROM pending_changes WHERE side = 'sf' AND record_id = :id")
      .pluck()
      .get({ id: sfAccountId }) as ChangeKind | undefined) ?? null
  );
}

/** The SF account ids a sync should plan: changed accounts, and accounts linked to changed companies. */
export function pendingAccountPage(db: Database, afterId: string, limit: number): string[] {
  return prepared(
    db,
    `SELECT id FROM (
         SELECT record_id AS id FROM pending_changes WHERE side = 'sf'
         UNION SELECT l.sf_account_id FROM pending_changes p JOIN links l ON l.hs_company_id = p.record_id WHERE p.side = 'hs'
       ) WHERE id > :afterId ORDER BY id LIMIT :limit`,
  )
    .pluck()
    .all({ afterId, limit }) as string[];
}

export function clearPending(db: Database, accountIds: string[]): void {
  const sf = prepared(db, "DELETE FROM pending_changes WHERE side = 'sf' AND record_id = :id");
  const hs = prepared(
    db,
    "DELETE FROM pending_changes WHERE side = 'hs' AND record_id IN (SELECT hs_company_id FROM links WHERE sf_account_id = :id)",
  );
  for (const id of accountIds) {
    sf.run({ id });
    hs.run({ id });
  }
}

/** HS changes to companies that are not linked (nothing to plan for them in SF → HS runs). */
export function dropUnlinkedHsPending(db: Database): void {
  prepared(
    db,
    "DELETE FROM pending_changes WHERE side = 'hs' AND record_id NOT IN (SELECT hs_company_id FROM links)",
  ).run();
}
