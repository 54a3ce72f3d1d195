/**
 * What the finished seed data should make the console decide, recomputed from the data alone by a plain reading of
 * behaviour.md (R0, R3, R4, R6), independent of the generator's intentions and of the engine, so an engine test
 * compares two separate implementations of the rules.
 */
import { previewReasons } from '../../shared/contract/preview.js';
import type { HsObject, SandboxData } from '../model.js';
import { normalizeId } from '../salesforce/ids.js';
import { AUTO_ASSOCIATED_COMPANY_SOURCE } from './scenarios.js';
import { SEED_INCLUSION_LIST_ID } from './records.js';
import { LIFECYCLE_ORDER } from './words.js';

/** R3.4 every reason a preview can give, as the contract lists them. */
export const ACCOUNT_CREATION_REASONS = previewReasons;
export type AccountCreationReason = (typeof ACCOUNT_CREATION_REASONS)[number];
export type ReasonCounts = Record<AccountCreationReason, number>;

export interface R3Settings {
  defaultSfObjectForNewContacts: 'Lead' | 'Contact';
  inclusionListId: string | null;
}

export interface SeedExpected {
  /** R3 outcomes per HS company under `settings` (the stated settings: default object Contact, the seed list). */
  settings: R3Settings;
  accountCreationReasons: ReasonCounts;
  /**
   * With an inclusion list configured, NO_CRITERION_MET cannot occur (a company passing veto R3.1c has a list
   * member, which meets R3.2c), so the counts without a list are given too: between them, every code occurs.
   */
  withoutInclusionList: { settings: R3Settings; accountCreationReasons: ReasonCounts };
  /** R0: links held in `salesforceaccountid`; accounts claimed by more than one company; 15-char ids stored. */
  links: { linkedCompanies: number; linkedAccounts: number; duplicateLinks: number; fifteenCharIds: number };
  /** R6 for every unlinked SF account, with the optional domain match (R6.3) switched on. */
  matching: {
    unlinkedAccounts: number;
    byContacts: number;
    ambiguousByContacts: number;
    byDomain: number;
    ambiguousByDomain: number;
    noMatch: number;
    duplicateDomainGroups: number;
  };
  /** R4.1: each company's stage after the roll-up from its contacts (`none` when neither has one). */
  companyLifecycleStages: Record<string, number>;
  /** R3.5/R7.5: HS owners with an SF user of the same name and email, active or not, and the rest. */
  owners: { matchingActive: number; matchingInactive: number; unmatched: number };
}

export const statedSettings = (): R3Settings => ({
  defaultSfObjectForNewContacts: 'Contact',
  inclusionListId: SEED_INCLUSION_LIST_ID,
});

/** R0.2: ids compared in the 18-character form; the seed's own 18-char ids are trusted as they are. */
const id18 = (id: string | null | undefined): string | undefined =>
  !id ? undefined : id.length === 18 ? id : normalizeId(id);

/** Lower case, no scheme, no `www.`, no path — a small reading of R6.3 kept apart from the engine's normaliser. */
export function plainDomain(value: string | null | undefined): string | null {
  const host =
    (value ?? '')
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .split(/[/?#]/)[0] ?? '';
  const bare = host.startsWith('www.') && host.split('.').length > 2 ? host.slice(4) : host;
  return bare.includes('.') ? bare : null;
}

const zeroCounts = (): ReasonCounts => Object.fromEntries(ACCOUNT_CREATION_REASONS.map((r) => [r, 0])) as ReasonCounts;

interface Index {
  contactsByCompany: Map<string, HsObject[]>;
  privateSfContacts: Set<string>;
}

function indexData(data: SandboxData): Index {
  const contactById = new Map<string, HsObject>();
  for (const c of data.hubspot.contacts) if (!c.archived) contactById.set(c.id, c);
  const contactsByCompany = new Map<string, HsObject[]>();
  for (const { companyId, contactId } of data.hubspot.associations) {
    const contact = contactById.get(contactId);
    if (!contact) continue;
    const list = contactsByCompany.get(companyId);
    if (list) list.push(contact);
    else contactsByCompany.set(companyId, [contact]);
  }
  const privateSfContacts = new Set<string>();
  for (const c of data.salesforce.contacts) if (c.AccountId === null && !c.IsDeleted) privateSfContacts.add(c.Id);
  return { contactsByCompany, privateSfContacts };
}

/** R3.1–R3.4 for one company. */
function decide(
  company: HsObject,
  index: Index,
  settings: R3Settings,
  list: Set<string> | null,
): AccountCreationReason {
  const p = company.properties;
  if (p.salesforceaccountid) return 'ALREADY_LINKED';
  const contacts = index.contactsByCompany.get(company.id) ?? [];
  if (contacts.length === 0) return 'VETO_NO_CONTACTS';
  if (contacts.every((c) => c.properties.salesforceleadid && !c.properties.salesforcecontactid))
    return 'VETO_ALL_LEADS';
  const inList = list !== null && contacts.some((c) => list.has(c.id));
  if (list !== null && !inList) return 'VETO_NOT_IN_INCLUSION_LIST';
  if (p.hs_object_source === AUTO_ASSOCIATED_COMPANY_SOURCE && settings.defaultSfObjectForNewContacts === 'Contact') {
    return 'CREATE_AUTO_ASSOCIATED';
  }
  const sfIds = contacts.map((c) => id18(c.properties.salesforcecontactid));
  if (sfIds.some((id) => id !== undefined && index.privateSfContacts.has(id))) return 'CREATE_PRIVATE_CONTACT';
  return inList ? 'CREATE_INCLUSION_LIST' : 'NO_CRITERION_MET';
}

function countReasons(data: SandboxData, index: Index, settings: R3Settings): ReasonCounts {
  const listIds = data.hubspot.lists.find((l) => l.listId === settings.inclusionListId)?.contactIds;
  const list = settings.inclusionListId === null ? null : new Set(listIds ?? []);
  const counts = zeroCounts();
  for (const company of data.hubspot.companies) if (!company.archived) counts[decide(company, index, settings, list)]++;
  return counts;
}

export function computeExpected(data: SandboxData, settings: R3Settings = statedSettings()): SeedExpected {
  const index = indexData(data);
  const noList = { ...settings, inclusionListId: null };
  return {
    settings,
    accountCreationReasons: countReasons(data, index, settings),
    withoutInclusionList: { settings: noList, accountCreationReasons: countReasons(data, index, noList) },
    links: linkStats(data),
    matching: matchingStats(data),
    companyLifecycleStages: lifecycleStats(data, index),
    owners: ownerStats(data),
  };
}

function linkStats(data: SandboxData): SeedExpected['links'] {
  const claims = new Map<string, number>();
  let fifteenCharIds = 0;
  for (const c of data.hubspot.companies) {
    const raw = c.properties.salesforceaccountid;
    const id = id18(raw);
    if (!raw || !id) continue;
    if (raw.length === 15) fifteenCharIds++;
    claims.set(id, (claims.get(id) ?? 0) + 1);
  }
  for (const c of data.hubspot.contacts) if (c.properties.salesforcecontactid?.length === 15) fifteenCharIds++;
  let linkedCompanies = 0;
  let duplicateLinks = 0;
  for (const n of claims.values()) {
    linkedCompanies += n;
    if (n > 1) duplicateLinks++;
  }
  return { linkedCompanies, linkedAccounts: claims.size, duplicateLinks, fifteenCharIds };
}

/** Appends to a multimap without copying (these maps hold hundreds of thousands of keys). */
function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function matchingStats(data: SandboxData): SeedExpected['matching'] {
  const linked = new Set<string>();
  const byDomain = new Map<string, number>();
  for (const c of data.hubspot.companies) {
    const id = id18(c.properties.salesforceaccountid);
    if (id) linked.add(id);
    const domain = plainDomain(c.properties.domain);
    if (domain) byDomain.set(domain, (byDomain.get(domain) ?? 0) + 1);
  }
  const hsBySfContact = new Map<string, string[]>();
  for (const c of data.hubspot.contacts) {
    const id = id18(c.properties.salesforcecontactid);
    if (id) push(hsBySfContact, id, c.id);
  }
  const companiesOfContact = new Map<string, string[]>();
  for (const a of data.hubspot.associations) push(companiesOfContact, a.contactId, a.companyId);
  // R6.2: the one company an unlinked account's contacts lead to, or AMBIGUOUS when they lead to several.
  const viaContacts = new Map<string, string>();
  for (const c of data.salesforce.contacts) {
    if (!c.AccountId || linked.has(c.AccountId)) continue;
    for (const hs of hsBySfContact.get(c.Id) ?? []) {
      for (const company of companiesOfContact.get(hs) ?? []) {
        const seen = viaContacts.get(c.AccountId);
        viaContacts.set(c.AccountId, seen === undefined || seen === company ? company : AMBIGUOUS);
      }
    }
  }
  const m = {
    unlinkedAccounts: 0,
    byContacts: 0,
    ambiguousByContacts: 0,
    byDomain: 0,
    ambiguousByDomain: 0,
    noMatch: 0,
    duplicateDomainGroups: 0,
  };
  for (const n of byDomain.values()) if (n > 1) m.duplicateDomainGroups++;
  for (const a of data.salesforce.accounts) {
    if (a.IsDeleted || linked.has(a.Id)) continue;
    m.unlinkedAccounts++;
    const found = viaContacts.get(a.Id);
    const domain = found === undefined ? plainDomain(a.Website) : null;
    const sameDomain = domain ? (byDomain.get(domain) ?? 0) : 0;
    if (found === AMBIGUOUS) m.ambiguousByContacts++;
    else if (found !== undefined) m.byContacts++;
    else if (sameDomain === 1) m.byDomain++;
    else if (sameDomain > 1) m.ambiguousByDomain++;
    else m.noMatch++;
  }
  return m;
}

const AMBIGUOUS = '\u0000ambiguous';

function lifecycleStats(data: SandboxData, index: Index): Record<string, number> {
  const rank = (stage: string | null | undefined) => LIFECYCLE_ORDER.indexOf(stage as (typeof LIFECYCLE_ORDER)[number]);
  const counts: Record<string, number> = {};
  for (const company of data.hubspot.companies) {
    let best = rank(company.properties.lifecyclestage);
    for (const c of index.contactsByCompany.get(company.id) ?? [])
      best = Math.max(best, rank(c.properties.lifecyclestage));
    const stage = best >= 0 ? (LIFECYCLE_ORDER[best] as string) : 'none';
    counts[stage] = (counts[stage] ?? 0) + 1;
  }
  return counts;
}

function ownerStats(data: SandboxData): SeedExpected['owners'] {
  const key = (first: string, last: string, email: string) => `${first} ${last}\u0000${email.toLowerCase()}`;
  const users = new Map(data.salesforce.users.map((u) => [key(u.FirstName, u.LastName, u.Email), u.IsActive]));
  const out = { matchingActive: 0, matchingInactive: 0, unmatched: 0 };
  for (const o of data.hubspot.owners) {
    const active = users.get(key(o.firstName, o.lastName, o.email));
    if (active === undefined) out.unmatched++;
    else if (active) out.matchingActive++;
    else out.matchingInactive++;
  }
  return out;
}
