/**
 * Who links to whom, decided before any record exists, in typed arrays (a few bytes per record, no strings), so
 * the account loop knows which HubSpot company an account's contacts belong to before that company is written.
 */
import type { SeedParams } from './options.js';

export const Role = {
  none: 0,
  /** R0.1: the company carries the account's id in `salesforceaccountid`. */
  linked: 1,
  /** R6.3/R6.4: two unlinked companies share the normalised domain of one unlinked account. */
  duplicateDomain: 2,
  /** R6.3: one unlinked company has the domain of one unlinked account. */
  domainMatch: 3,
  /** R6.2: the account's contacts sync with HS contacts associated with one unlinked company. */
  contactMatch: 4,
  /** R6.2/R6.4: the account's contacts sync with HS contacts of two different companies. */
  contactAmbiguous: 5,
  /** R0.3: a second company claims an account that is already linked. */
  duplicateLink: 6,
} as const;

export interface SeedPlan {
  /** Companies 0…linked−1 are the linked ones, in account order. */
  linked: number;
  /** The first unlinked companies are left plain so that every R3 scenario appears once in a clean form. */
  companyRole: Uint8Array;
  /** The account a company links to, matches, or is a look-alike of; −1 for none. */
  companyAccount: Int32Array;
  accountRole: Uint8Array;
  /** The company an account is linked to, or whose contacts it shares (the first of two when ambiguous). */
  accountCompany: Int32Array;
  /** SF contacts generated for account i (an exact split of the account-contact quota). */
  contactsOf(i: number): number;
  accountContactQuota: number;
}

export function planSeed(params: SeedParams, cleanScenarios: number): SeedPlan {
  const n = params.accounts;
  const h = params.hsCompanies;
  const quota = Math.round(params.contacts * params.mix.accountContacts);
  const contactsOf = (i: number) => (n === 0 ? 0 : Math.floor(((i + 1) * quota) / n) - Math.floor((i * quota) / n));
  const plan: SeedPlan = {
    linked: Math.min(n, Math.round(h * params.linkedFraction)),
    companyRole: new Uint8Array(h),
    companyAccount: new Int32Array(h).fill(-1),
    accountRole: new Uint8Array(n),
    accountCompany: new Int32Array(n).fill(-1),
    contactsOf,
    accountContactQuota: quota,
  };
  for (let k = 0; k < plan.linked; k++) {
    const a = Math.floor((k * n) / plan.linked);
    plan.accountRole[a] = Role.linked;
    plan.accountCompany[a] = k;
    plan.companyRole[k] = Role.linked;
    plan.companyAccount[k] = a;
  }

  let nextCompany = plan.linked + cleanScenarios;
  let cursor = 0;
  const freeAccount = (minContacts: number): number => {
    while (cursor < n && (plan.accountRole[cursor] !== Role.none || contactsOf(cursor) < minContacts)) cursor++;
    return cursor < n ? cursor++ : -1;
  };
  /** Gives `size` companies the role, around one fresh account (or an existing link for duplicate links). */
  const allocate = (times: number, role: number, size: number, accountRole: number, minContacts = 0): void => {
    for (let t = 0; t < times && nextCompany + size <= h; t++) {
      const a = role === Role.duplicateLink ? (plan.companyAccount[t % plan.linked] ?? -1) : freeAccount(minContacts);
      if (a < 0) return;
      if (role !== Role.duplicateLink) plan.accountRole[a] = accountRole;
      if (role === Role.contactMatch || role === Role.contactAmbiguous) plan.accountCompany[a] = nextCompany;
      for (let s = 0; s < size; s++) {
        plan.companyRole[nextCompany] = role;
        plan.companyAccount[nextCompany] = a;
        nextCompany++;
      }
    }
  };
  const atLeastOne = (fraction: number, scale = 1) =>
    fraction > 0 ? Math.max(1, Math.round(h * fraction * scale)) : 0;
  if (plan.linked > 0) allocate(atLeastOne(0.002), Role.duplicateLink, 1, Role.linked);
  allocate(atLeastOne(params.duplicateDomainFraction, 0.5), Role.duplicateDomain, 2, Role.duplicateDomain);
  allocate(atLeastOne(params.domainMatchFraction), Role.domainMatch, 1, Role.domainMatch);
  allocate(atLeastOne(params.contactMatchFraction), Role.contactMatch, 1, Role.contactMatch, 1);
  allocate(atLeastOne(params.contactMatchFraction, 1 / 3), Role.contactAmbiguous, 2, Role.contactAmbiguous, 2);
  return plan;
}
