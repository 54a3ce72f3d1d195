/**
 * One account's parent, decided like a mapped field (R7.4 three-way, default Salesforce wins): the Salesforce side
 * is its ParentId, the HubSpot side its company's parent company (13/14) read as the account linked to it, the
 * base the parent both sides last agreed on. Pure: the facts come in, a decision goes out.
 */
export interface ParentFacts {
  accountId: string;
  companyId: string;
  /** ParentId in Salesforce (18 chars), null when none. */
  sfParent: string | null;
  /** The company's parent company in HubSpot, null when none. */
  hsParentCompany: string | null;
  /** The account linked to that parent company, null when it is not linked. */
  hsParentAccount: string | null;
  /** The company linked to the Salesforce parent account, null when that account is not linked. */
  sfParentCompany: string | null;
  /** Last agreed parent account; undefined when the two sides never agreed (then Salesforce wins). */
  base: string | null | undefined;
}

export type ParentDecision =
  | { kind: 'agreed'; parent: string | null }
  /** Set the company's parent company in HubSpot (null removes it). */
  | { kind: 'hubspot'; parent: string | null; parentCompany: string | null; previousCompany: string | null }
  /** Set the account's ParentId in Salesforce (null clears it). */
  | { kind: 'salesforce'; parent: string | null; previous: string | null }
  /** The parent cannot be written: it has no counterpart on the other side. */
  | { kind: 'unlinked'; side: 'sf' | 'hs'; parent: string };

/** The HubSpot parent as an account id, or a marker naming an unlinked company so it never equals an account id. */
const hsSide = (f: ParentFacts): string | null =>
  f.hsParentCompany === null ? null : (f.hsParentAccount ?? `company:${f.hsParentCompany}`);

export function decideParent(f: ParentFacts): ParentDecision {
  const hs = hsSide(f);
  if (hs === f.sfParent) return { kind: 'agreed', parent: f.sfParent };
  const hsChanged = f.base !== undefined && hs !== f.base;
  const sfChanged = f.base === undefined || f.sfParent !== f.base;
  if (hsChanged && !sfChanged) {
    if (f.hsParentCompany !== null && f.hsParentAccount === null)
      return { kind: 'unlinked', side: 'hs', parent: f.hsParentCompany };
    return { kind: 'salesforce', parent: f.hsParentAccount, previous: f.sfParent };
  }
  if (f.sfParent !== null && f.sfParentCompany === null) return { kind: 'unlinked', side: 'sf', parent: f.sfParent };
  return { kind: 'hubspot', parent: f.sfParent, parentCompany: f.sfParentCompany, previousCompany: f.hsParentCompany };
}

/** The accounts on a loop through `start` in the parents the decisions would leave, or null when there is none. */
export function loopThrough(start: string, parentOf: (id: string) => string | null | undefined): string[] | null {
  const path: string[] = [];
  const seen = new Set<string>();
  for (let cur: string | null | undefined = start; cur; cur = parentOf(cur)) {
    if (seen.has(cur)) return cur === start ? path : null;
    seen.add(cur);
    path.push(cur);
  }
  return null;
}
