/**
 * R6.4 / R9.4 the queue of unresolved holds across every real run (not only the latest): an account held in any
 * run stays in the queue until it is linked, a person decided to create or skip it, or it was deleted. Each entry
 * carries its latest hold's reason and candidates, with the facts that make each company a candidate.
 */
import type { Database } from 'better-sqlite3';
import type { HoldCandidateView, HoldView } from '../../../shared/contract/index.js';
import { prepared } from '../../db/statements.js';
import { getHsCompany } from '../cache/hubspot-cache.js';
import { getSfAccount } from '../cache/salesforce-cache.js';
import { linkForCompany } from '../state/links.js';
import { holdResolution } from './resolutions.js';

/** Accounts held in a real run and still waiting for a person (the partial index run_ops_holds keeps this small). */
const unresolved = (condition: string) => `
  SELECT o.sf_account_id AS id FROM run_ops o INDEXED BY run_ops_holds
    JOIN runs r ON r.id = o.run_id AND r.dry_run = 0
  WHERE o.operation = 'hold' AND o.sf_account_id IS NOT NULL AND ${condition}
    AND o.reason IN ('AMBIGUOUS_MATCH', 'DUPLICATE_LINK', 'CHOSEN_COMPANY_TAKEN', 'CHOSEN_COMPANY_GONE')
    AND NOT EXISTS (SELECT 1 FROM links l WHERE l.sf_account_id = o.sf_account_id)
    AND NOT EXISTS (SELECT 1 FROM hold_resolutions h WHERE h.sf_account_id = o.sf_account_id
                      AND h.action IN ('create', 'skip'))
    AND NOT EXISTS (SELECT 1 FROM sf_accounts a WHERE a.id = o.sf_account_id AND a.is_deleted = 1)
  GROUP BY o.sf_account_id`;
const UNRESOLVED = unresolved('1');

export function isUnresolvedHold(db: Database, sfAccountId: string): boolean {
  return prepared(db, unresolved('o.sf_account_id = :sfAccountId')).get({ sfAccountId }) !== undefined;
}

export function countUnresolvedHolds(db: Database): number {
  return prepared(db, `SELECT COUNT(*) FROM (${UNRESOLVED})`).pluck().get() as number;
}

export function unresolvedHoldIds(db: Database, afterId: string, limit: number): string[] {
  return prepared(db, `SELECT id FROM (${UNRESOLVED}) WHERE id > :afterId ORDER BY id LIMIT :limit`)
    .pluck()
    .all({ afterId, limit }) as string[];
}

interface LatestHold {
  run_id: string;
  reason: string;
  diff: string | null;
  at: string;
}

function latestHold(db: Database, sfAccountId: string): LatestHold | null {
  return (
    (prepared(
      db,
      `SELECT o.run_id, o.reason, o.diff, r.created_at AS at FROM run_ops o INDEXED BY run_ops_holds
         JOIN runs r ON r.id = o.run_id AND r.dry_run = 0
       WHERE o.operation = 'hold' AND o.sf_account_id = :sfAccountId ORDER BY r.created_at DESC, o.seq DESC LIMIT 1`,
    ).get({ sfAccountId }) as LatestHold | undefined) ?? null
  );
}

function sharedContacts(db: Database, sfAccountId: string, companyId: string): HoldCandidateView['sharedContacts'] {
  return prepared(
    db,
    `SELECT DISTINCT hc.id, hc.email FROM sf_contacts sc
       JOIN hs_contacts hc ON hc.sf_contact_id = sc.id AND hc.archived = 0
       JOIN hs_associations a ON a.contact_id = hc.id AND a.company_id = :companyId
     WHERE sc.account_id = :sfAccountId AND sc.is_deleted = 0 ORDER BY hc.id LIMIT 20`,
  ).all({ sfAccountId, companyId }) as HoldCandidateView['sharedContacts'];
}

const sameText = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

const REASON_TEXT: Record<string, string> = {
  AMBIGUOUS_MATCH: 'More than one company matches this account; nothing was created or linked.',
  DUPLICATE_LINK: 'More than one company carries this account id; none was updated.',
};

function candidateView(db: Database, sfAccountId: string, account: ReturnType<typeof getSfAccount>, id: string) {
  const company = getHsCompany(db, id);
  const owner = linkForCompany(db, id) ?? company?.sfAccountId ?? null;
  return {
    companyId: id,
    name: company?.name ?? null,
    domain: company?.domain ?? null,
    sharedContacts: sharedContacts(db, sfAccountId, id),
    sameDomain: sameText(company?.domain ?? null, account?.domain ?? null),
    sameName: sameText(company?.name ?? null, account?.name ?? null),
    linkedToAccount: owner === sfAccountId ? null : owner,
  };
}

export function holdView(db: Database, sfAccountId: string): HoldView | null {
  const held = latestHold(db, sfAccountId);
  if (!held) return null;
  const detail = held.diff ? ((JSON.parse(held.diff) as { detail?: string | null }).detail ?? null) : null;
  const facts = detail ? (JSON.parse(detail) as { candidates?: string[]; message?: string }) : {};
  const account = getSfAccount(db, sfAccountId);
  const resolution = holdResolution(db, sfAccountId);
  return {
    sfAccountId,
    accountName: account?.name ?? null,
    domain: account?.domain ?? null,
    reason: held.reason,
    category: 'DUPLICATES',
    message: facts.message ?? REASON_TEXT[held.reason] ?? 'Held for review.',
    runId: held.run_id,
    heldAt: held.at,
    candidates: (facts.candidates ?? []).map((id) => candidateView(db, sfAccountId, account, id)),
    decision: resolution ? { action: resolution.action, hsCompanyId: resolution.hsCompanyId } : null,
  };
}

export function unresolvedHolds(db: Database, afterId = '', limit = 100): HoldView[] {
  return unresolvedHoldIds(db, afterId, limit).flatMap((id) => holdView(db, id) ?? []);
}
