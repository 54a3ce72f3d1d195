/** What the seed generator takes, with defaults, and the resolved form that identifies a snapshot. */

export interface PeopleMix {
  /** SF contacts that belong to an account. */
  accountContacts: number;
  /** SF contacts with AccountId null (R3.2b). */
  privateContacts: number;
  /** SF leads (R3.1b). */
  leads: number;
}

export interface SeedOptions {
  /** SF accounts. Default 1000. */
  accounts?: number;
  /** SF people (contacts + leads) in total, split by `mix`. Default 2 × accounts. */
  contacts?: number;
  seed?: number;
  /** HS companies. Default 60 % of accounts. */
  hsCompanies?: number;
  /** Share of HS companies linked to an SF account by `salesforceaccountid` (R0.1). Default 0.5. */
  linkedFraction?: number;
  /** Share of HS companies that come in pairs with the same normalised domain (R6.3/R6.4). Default 0.02. */
  duplicateDomainFraction?: number;
  /** Share of HS companies whose domain matches exactly one unlinked SF account (R6.3). Default 0.05. */
  domainMatchFraction?: number;
  /** Share of HS companies found through the contacts of an unlinked account (R6.2). Default 0.03. */
  contactMatchFraction?: number;
  /** Share of SF people who also exist as HS contacts (salesforcecontactid / salesforceleadid). Default 0.5. */
  mirrorFraction?: number;
  mix?: Partial<PeopleMix>;
}

export type SeedParams = Required<Omit<SeedOptions, 'mix'>> & { mix: PeopleMix };

export class SeedOptionsError extends Error {}

const count = (name: string, value: number): number => {
  if (!Number.isInteger(value) || value < 0)
    throw new SeedOptionsError(`${name} must be a whole number ≥ 0, got ${value}`);
  return value;
};
const share = (name: string, value: number): number => {
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new SeedOptionsError(`${name} must be from 0 to 1, got ${value}`);
  return value;
};

export function resolveSeedOptions(options: SeedOptions = {}): SeedParams {
  const accounts = count('accounts', options.accounts ?? 1000);
  const mix = { accountContacts: 0.7, privateContacts: 0.05, leads: 0.25, ...options.mix };
  const total = mix.accountContacts + mix.privateContacts + mix.leads;
  if (!(total > 0)) throw new SeedOptionsError('mix must have at least one positive share');
  return {
    accounts,
    contacts: count('contacts', options.contacts ?? accounts * 2),
    seed: count('seed', options.seed ?? 1),
    hsCompanies: count('hsCompanies', options.hsCompanies ?? Math.round(accounts * 0.6)),
    linkedFraction: share('linkedFraction', options.linkedFraction ?? 0.5),
    duplicateDomainFraction: share('duplicateDomainFraction', options.duplicateDomainFraction ?? 0.02),
    domainMatchFraction: share('domainMatchFraction', options.domainMatchFraction ?? 0.05),
    contactMatchFraction: share('contactMatchFraction', options.contactMatchFraction ?? 0.03),
    mirrorFraction: share('mirrorFraction', options.mirrorFraction ?? 0.5),
    // Normalised so the shares always add up to the whole.
    mix: {
      accountContacts: share('mix.accountContacts', mix.accountContacts / total),
      privateContacts: share('mix.privateContacts', mix.privateContacts / total),
      leads: share('mix.leads', mix.leads / total),
    },
  };
}
