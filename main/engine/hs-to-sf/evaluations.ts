/**
 * R3 "evaluated when a company is created in HS, when its contact associations change": what each company's
 * associations looked like when the rules last saw it. The first cycle with the switch on records every company as
 * a baseline without evaluating it (as R1.3 does for accounts: turning the switch on does not back-fill); from then
 * on a company without a row is new, and one whose signature differs has changed associations.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { getMeta, setMeta } from '../../db/meta.js';

const BASELINE_KEY = 'hsToSf.baselineAt';

export function contactsSignature(contactIds: readonly string[]): string {
  const hash = createHash('sha1');
  for (const id of [...contactIds].sort()) hash.update(`${id},`);
  return hash.digest('base64url');
}

export interface Evaluation {
  signature: string;
  reason: string | null;
}

export function getEvaluation(db: Database, companyId: string): Evaluation | null {
  const row = db
    .prepare('SELECT contacts_signature, reason FROM hs_company_evaluations WHERE company_id = :companyId')
    .get({ companyId }) as { contacts_signature: string; reason: string | null } | undefined;
  return row ? { signature: row.contacts_signature, reason: row.reason } : null;
}

export function saveEvaluation(
  db: Database,
  companyId: string,
  signature: string,
  reason: string | null,
  at: string,
): void {
  db.prepare(
    `INSERT INTO hs_company_evaluations (company_id, contacts_signature, reason, evaluated_at)
     VALUES (:companyId, :signature, :reason, :at)
     ON CONFLICT(company_id) DO UPDATE SET contacts_signature = excluded.contacts_signature,
       reason = excluded.reason, evaluated_at = excluded.evaluated_at`,
  ).run({ companyId, signature, reason, at });
}

export const baselineAt = (db: Database): string | null => getMeta(db, BASELINE_KEY);

export function markBaseline(db: Database, at: string): void {
  setMeta(db, BASELINE_KEY, at);
}

/** Turning the switch off and on again starts a new baseline (the same rule as R1.3). */
export function clearBaseline(db: Database): void {
  db.transaction(() => {
    db.prepare('DELETE FROM hs_company_evaluations').run();
    db.prepare('DELETE FROM meta WHERE key = :key').run({ key: BASELINE_KEY });
  })();
}
