import { parseSfId } from './ids.js';

/**
 * R6 Matching an unlinked SF account to an existing HS company, and R0.3 duplicate links.
 *
 * Steps in order, first hit wins: link (R6.1), associated contacts (R6.2), normalised domain (R6.3, when on).
 * A step with more than one candidate stops the search: the account is held as AMBIGUOUS_MATCH (R6.4) with the
 * candidates, never created and never guessed — a later step is not consulted to break the tie, since that would
 * be a guess too. Two companies carrying the same account id at the link step are a DUPLICATE_LINK (R0.3).
 */

export interface MatchCandidates {
  /** Companies whose `salesforceaccountid` equals the account id. */
  byLink: readonly string[];
  /** Companies associated with the HS contacts that sync with the account's SF contacts. */
  byContacts: readonly string[];
  /** Companies whose normalised domain equals the account's Website; null when domain matching is off. */
  byDomain: readonly string[] | null;
}

export type MatchStep = 'link' | 'contacts' | 'domain';

export type MatchResult =
  | { kind: 'linked'; companyId: string; reason: 'MATCHED_BY_LINK' }
  | { kind: 'matched_contacts'; companyId: string; reason: 'MATCHED_BY_CONTACTS' }
  | { kind: 'matched_domain'; companyId: string; reason: 'MATCHED_BY_DOMAIN' }
  | { kind: 'ambiguous'; step: MatchStep; candidates: string[]; reason: 'AMBIGUOUS_MATCH' | 'DUPLICATE_LINK' }
  | { kind: 'none'; reason: 'NO_MATCH' | 'NO_MATCH_DOMAIN_OFF' };

export function matchUnlinkedAccount(candidates: MatchCandidates): MatchResult {
  const linked = unique(candidates.byLink);
  if (linked.length > 1) return { kind: 'ambiguous', step: 'link', candidates: linked, reason: 'DUPLICATE_LINK' };
  if (linked[0] !== undefined) return { kind: 'linked', companyId: linked[0], reason: 'MATCHED_BY_LINK' };

  const byContacts = unique(candidates.byContacts);
  if (byContacts.length > 1) {
    return { kind: 'ambiguous', step: 'contacts', candidates: byContacts, reason: 'AMBIGUOUS_MATCH' };
  }
  if (byContacts[0] !== undefined) {
    return { kind: 'matched_contacts', companyId: byContacts[0], reason: 'MATCHED_BY_CONTACTS' };
  }

  if (candidates.byDomain === null) return { kind: 'none', reason: 'NO_MATCH_DOMAIN_OFF' };
  const byDomain = unique(candidates.byDomain);
  if (byDomain.length > 1)
    return { kind: 'ambiguous', step: 'domain', candidates: byDomain, reason: 'AMBIGUOUS_MATCH' };
  if (byDomain[0] !== undefined) return { kind: 'matched_domain', companyId: byDomain[0], reason: 'MATCHED_BY_DOMAIN' };
  return { kind: 'none', reason: 'NO_MATCH' };
}

export interface CompanyLink {
  companyId: string;
  /** The company's `salesforceaccountid` as stored (15 or 18 chars, or blank). */
  salesforceAccountId: string | null;
}

export interface DuplicateLink {
  /** The account id, 18-char form. */
  accountId: string;
  companyIds: string[];
  reason: 'DUPLICATE_LINK';
}

export interface LinkAudit {
  duplicates: DuplicateLink[];
  /** Companies whose `salesforceaccountid` is not a valid Account id (reported, never matched). */
  invalid: Array<{ companyId: string; salesforceAccountId: string; message: string }>;
}

/**
 * R0.3 Groups companies by the account they claim (compared in 18-char form, R0.2). Every account claimed by more
 * than one company is reported; nothing is re-pointed here.
 */
export function findDuplicateLinks(companies: Iterable<CompanyLink>): LinkAudit {
  const byAccount = new Map<string, string[]>();
  const invalid: LinkAudit['invalid'] = [];
  for (const { companyId, salesforceAccountId } of companies) {
    if (salesforceAccountId === null || salesforceAccountId.trim() === '') continue;
    const parsed = parseSfId(salesforceAccountId, 'Account');
    if (!parsed.ok) {
      invalid.push({ companyId, salesforceAccountId, message: parsed.message });
      continue;
    }
    const claimants = byAccount.get(parsed.id18) ?? [];
    if (!claimants.includes(companyId)) claimants.push(companyId);
    byAccount.set(parsed.id18, claimants);
  }
  const duplicates: DuplicateLink[] = [];
  for (const [accountId, companyIds] of byAccount) {
    if (companyIds.length > 1) duplicates.push({ accountId, companyIds, reason: 'DUPLICATE_LINK' });
  }
  return { duplicates, invalid };
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
