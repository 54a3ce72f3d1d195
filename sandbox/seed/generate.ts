/**
 * The deterministic sandbox org: SF accounts with their contacts, private contacts and leads; HS companies that are
 * linked, look-alike, or HubSpot-only with contacts shaped to produce every R3 reason code. Same options → the same
 * data, byte for byte. A million accounts and two million people take seconds: no intermediate lists, ids from
 * counters, shared timestamp strings.
 */
import type { SandboxData, SfAccount } from '../model.js';
import { computeExpected, type SeedExpected } from './expected.js';
import {
  companyIdentity,
  type CompanyIdentity,
  hsCompanyId,
  messyWebsite,
  phoneNumber,
  seedSfId,
  Timestamps,
} from './naming.js';
import { resolveSeedOptions, type SeedOptions, type SeedParams } from './options.js';
import { makeStaff } from './people.js';
import { planSeed, Role, type SeedPlan } from './plan.js';
import { Random } from './random.js';
import { type HsProps, SeedRecords } from './records.js';
import { AUTO_ASSOCIATED_COMPANY_SOURCE, SCENARIO_WEIGHTS, SCENARIOS } from './scenarios.js';
import { HS_INDUSTRIES, LIFECYCLE_ORDER, PLACES, SF_INDUSTRIES } from './words.js';

const OTHER_SOURCES = ['CRM_UI', 'IMPORT', 'FORM', 'API'] as const;

export interface GeneratedSandbox {
  params: SeedParams;
  data: SandboxData;
  expected: SeedExpected;
}

interface Context {
  params: SeedParams;
  plan: SeedPlan;
  rng: Random;
  records: SeedRecords;
  salt: number;
}

export function generateSandboxData(options: SeedOptions = {}): GeneratedSandbox {
  const params = resolveSeedOptions(options);
  const rng = new Random(params.seed);
  const salt = rng.int(1 << 20);
  const records = new SeedRecords(rng, makeStaff(), new Timestamps(rng));
  const ctx: Context = { params, plan: planSeed(params, SCENARIOS.length), rng, records, salt };
  generateAccounts(ctx);
  generateUnlinkedCompanies(ctx);
  generateRemainingPeople(ctx);
  return { params, data: records.data, expected: computeExpected(records.data) };
}

/** R0.2: a few links and contact ids are stored in the 15-character form, as old integrations left them. */
const maybe15 = (rng: Random, id: string): string => (rng.chance(0.03) ? id.slice(0, 15) : id);

function generateAccounts(ctx: Context): void {
  const { plan, rng, records, params } = ctx;
  for (let i = 0; i < params.accounts; i++) {
    const identity = companyIdentity(i, ctx.salt);
    const role = plan.accountRole[i];
    const k = plan.accountCompany[i] ?? -1;
    const linkedK = role === Role.linked ? k : -1;
    const ownerId = records.owner();
    const place = rng.chance(0.9) ? rng.pick(PLACES) : undefined;
    const fromHubSpot = linkedK >= 0 && rng.chance(0.1);
    const account = records.account({
      Name: identity.name,
      Website: messyWebsite(identity.domain, rng),
      Phone: rng.chance(0.8) ? phoneNumber(rng) : null,
      BillingCity: place?.[0] ?? null,
      BillingState: place?.[1] ?? null,
      BillingCountry: place?.[2] ?? null,
      Industry: rng.chance(0.85) ? rng.pick(SF_INDUSTRIES) : null,
      NumberOfEmployees: rng.chance(0.7) ? rng.between(1, 50_000) : null,
      AnnualRevenue: rng.chance(0.5) ? rng.between(1, 5_000) * 10_000 : null,
      Description: rng.chance(0.1) ? `${identity.name}: met at a trade fair` : null,
      OwnerId: ownerId,
      HubSpot_Company_Id__c: fromHubSpot ? hsCompanyId(linkedK) : null,
      CreatedById: fromHubSpot ? seedSfId('005', 1) : ownerId,
      LastModifiedById: ownerId,
    });
    if (linkedK >= 0) records.company(linkedK, linkedCompanyProps(ctx, account, identity));
    const count = plan.contactsOf(i);
    for (let j = 0; j < count; j++) {
      const sf = records.sfContact(account.Id, identity.domain, j === 0 ? '' : String(j + 1));
      // Which company the HS copy of this contact is associated with, if it has one (R6.1 / R6.2).
      let target = -1;
      if (role === Role.contactMatch && j === 0) target = k;
      else if (role === Role.contactAmbiguous && j < 2) target = k + j;
      else if (linkedK >= 0 && rng.chance(params.mirrorFraction)) target = linkedK;
      else if (!rng.chance(params.mirrorFraction / 2)) continue;
      const hs = records.hsContact(sf, { salesforcecontactid: maybe15(rng, sf.Id) });
      if (target >= 0) records.associate(target, hs);
    }
  }
}

function linkedCompanyProps(ctx: Context, account: SfAccount, identity: CompanyIdentity): HsProps {
  const { rng, records } = ctx;
  const props: HsProps = {
    // Names drift between the systems; R7 reconciles them.
    name: rng.chance(0.9) ? account.Name : `${account.Name} (HQ)`,
    salesforceaccountid: maybe15(rng, account.Id),
    hs_object_source: rng.chance(0.7) ? 'SALESFORCE' : 'CRM_UI',
  };
  if (account.Website || rng.chance(0.5)) props.domain = rng.chance(0.05) ? `www.${identity.domain}` : identity.domain;
  if (account.BillingCity) props.city = account.BillingCity;
  if (account.BillingCountry) props.country = account.BillingCountry;
  if (account.Phone && rng.chance(0.5)) props.phone = account.Phone;
  addCommonCompanyProps(ctx, props);
  const hsOwner = records.hsOwnerOf(account.OwnerId);
  if (hsOwner) props.hubspot_owner_id = hsOwner;
  return props;
}

/** R4: a stage on some companies, usually behind their contacts', so the roll-up has work to do. */
function addCommonCompanyProps(ctx: Context, props: HsProps): void {
  const { rng } = ctx;
  if (rng.chance(0.4)) props.lifecyclestage = LIFECYCLE_ORDER[rng.int(3)] as string;
  if (rng.chance(0.3)) props.numberofemployees = String(rng.between(1, 5_000));
}

/** The identity of unlinked company k: a look-alike of an account for the domain roles, its own otherwise. */
function unlinkedIdentity(ctx: Context, k: number, role: number, account: number): CompanyIdentity {
  const lookAlike = role === Role.duplicateDomain || role === Role.domainMatch || role === Role.duplicateLink;
  return companyIdentity(lookAlike ? account : ctx.params.accounts + k, ctx.salt);
}

function generateUnlinkedCompanies(ctx: Context): void {
  const { plan, rng, records, params } = ctx;
  for (let k = plan.linked; k < params.hsCompanies; k++) {
    const role = plan.companyRole[k] ?? Role.none;
    const a = plan.companyAccount[k] ?? -1;
    const identity = unlinkedIdentity(ctx, k, role, a);
    const first = k - plan.linked;
    const scenario = first < SCENARIOS.length ? SCENARIOS[first] : SCENARIOS[rng.weighted(SCENARIO_WEIGHTS)];
    if (!scenario) throw new Error(`no R3 scenario for company ${k}`);
    // The second of a duplicate-domain pair writes the domain differently; normalised, both are the same (R6.3).
    const secondOfPair =
      role === Role.duplicateDomain && plan.companyAccount[k - 1] === a && plan.companyRole[k - 1] === role;
    const props: HsProps = {
      name: secondOfPair ? `${identity.name} Europe` : identity.name,
      hs_object_source: scenario.autoCreated ? AUTO_ASSOCIATED_COMPANY_SOURCE : rng.pick(OTHER_SOURCES),
    };
    if (secondOfPair) props.domain = `WWW.${identity.domain.toUpperCase()}`;
    else if (rng.chance(0.95) || role !== Role.none) props.domain = identity.domain;
    if (role === Role.duplicateLink) props.salesforceaccountid = seedSfId('001', a + 1);
    if (rng.chance(0.5)) props.industry = rng.pick(HS_INDUSTRIES);
    addCommonCompanyProps(ctx, props);
    records.company(k, props);
    for (const c of scenario.contacts) {
      let hs: string;
      if (c.syncsWith === 'lead') {
        const lead = records.lead(identity.name, identity.domain);
        hs = records.hsContact(lead, { salesforceleadid: lead.Id, company: lead.Company });
      } else if (c.syncsWith === 'private') {
        const sf = records.sfContact(null, null, '');
        hs = records.hsContact(sf, { salesforcecontactid: sf.Id });
      } else {
        hs = records.hsContact(records.hsOnlyPerson(identity.domain));
      }
      records.associate(k, hs);
      if (c.inList) records.addToInclusionList(hs);
    }
  }
}

/** Fills the private-contact and lead quotas left after the scenarios took theirs; most have no HS company. */
function generateRemainingPeople(ctx: Context): void {
  const { plan, rng, records, params } = ctx;
  const { contacts, leads } = records.data.salesforce;
  const privateQuota = Math.round(params.contacts * params.mix.privateContacts);
  const leadQuota = Math.max(0, params.contacts - plan.accountContactQuota - privateQuota);
  while (contacts.length - plan.accountContactQuota < privateQuota) {
    const sf = records.sfContact(null, null, '');
    if (rng.chance(params.mirrorFraction)) records.hsContact(sf, { salesforcecontactid: maybe15(rng, sf.Id) });
  }
  // Lead companies are numbered after every account and HS company, so their domains are their own.
  const firstLeadCompany = params.accounts + params.hsCompanies;
  while (leads.length < leadQuota) {
    const identity = companyIdentity(firstLeadCompany + leads.length, ctx.salt);
    const lead = records.lead(identity.name, identity.domain);
    if (rng.chance(params.mirrorFraction))
      records.hsContact(lead, { salesforceleadid: lead.Id, company: lead.Company });
  }
}
