import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { parseHsLimit } from '../../../sandbox/admin/index.js';
import type { SandboxData } from '../../../sandbox/model.js';
import {
  ACCOUNT_CREATION_REASONS,
  AUTO_ASSOCIATED_COMPANY_SOURCE,
  generateSandboxData,
} from '../../../sandbox/seed/index.js';

const hash = (data: SandboxData) => createHash('sha256').update(JSON.stringify(data)).digest('hex');
const small = { accounts: 2000, contacts: 4000 };

describe('seed generator', () => {
  const first = generateSandboxData({ ...small, seed: 1 });

  test('the same seed gives the same data byte for byte', () => {
    expect(hash(generateSandboxData({ ...small, seed: 1 }).data)).toBe(hash(first.data));
  });

  test('a different seed gives different data', () => {
    expect(hash(generateSandboxData({ ...small, seed: 2 }).data)).not.toBe(hash(first.data));
  });

  test('sizes follow the options: accounts, and contacts split into account contacts, private contacts and leads', () => {
    const { salesforce, hubspot } = first.data;
    expect(salesforce.accounts).toHaveLength(2000);
    expect(salesforce.contacts.length + salesforce.leads.length).toBe(4000);
    expect(salesforce.contacts.filter((c) => c.AccountId === null).length).toBeGreaterThan(0);
    expect(hubspot.companies).toHaveLength(1200);
  });

  test('R3.4 every account-creation reason code occurs (stated settings, or without an inclusion list)', () => {
    const stated = first.expected.accountCreationReasons;
    const noList = first.expected.withoutInclusionList.accountCreationReasons;
    for (const code of ACCOUNT_CREATION_REASONS) expect(Math.max(stated[code], noList[code]), code).toBeGreaterThan(0);
    for (const code of ACCOUNT_CREATION_REASONS.filter((c) => c !== 'NO_CRITERION_MET')) {
      expect(stated[code], code).toBeGreaterThan(0);
    }
    const total = Object.values(stated).reduce((a, b) => a + b, 0);
    expect(total).toBe(first.data.hubspot.companies.length);
  });

  test('R3 reasons hold for a tiny org too (each scenario appears once in clean form)', () => {
    const tiny = generateSandboxData({ accounts: 20, contacts: 40, hsCompanies: 20 });
    const stated = tiny.expected.accountCreationReasons;
    for (const code of ACCOUNT_CREATION_REASONS.filter((c) => c !== 'NO_CRITERION_MET'))
      expect(stated[code], code).toBeGreaterThan(0);
    expect(tiny.expected.withoutInclusionList.accountCreationReasons.NO_CRITERION_MET).toBeGreaterThan(0);
  });

  test('R6.1 R6.2 R6.3 R6.4 R0.2 R0.3 the seed has links, contact and domain matches, ambiguity and duplicate links', () => {
    const { links, matching } = first.expected;
    expect(links.linkedCompanies).toBeGreaterThan(0);
    expect(links.duplicateLinks).toBeGreaterThan(0);
    expect(links.fifteenCharIds).toBeGreaterThan(0);
    expect(matching.byContacts).toBeGreaterThan(0);
    expect(matching.ambiguousByContacts).toBeGreaterThan(0);
    expect(matching.byDomain).toBeGreaterThan(0);
    expect(matching.ambiguousByDomain).toBeGreaterThan(0);
    expect(matching.duplicateDomainGroups).toBeGreaterThan(0);
  });

  test('R4.1 contacts carry lifecycle stages, and companies roll up to several stages', () => {
    const stages = new Set(first.data.hubspot.contacts.map((c) => c.properties.lifecyclestage));
    expect(stages).toContain('other');
    expect(Object.keys(first.expected.companyLifecycleStages).length).toBeGreaterThan(4);
  });

  test('R3.5 owners: matching active users, one inactive match, and owners without a user', () => {
    expect(first.expected.owners.matchingActive).toBeGreaterThan(0);
    expect(first.expected.owners.matchingInactive).toBe(1);
    expect(first.expected.owners.unmatched).toBeGreaterThan(0);
  });

  test('websites come in messy variants, including blanks', () => {
    const sites = first.data.salesforce.accounts.map((a) => a.Website);
    expect(sites).toContain(null);
    expect(sites.some((s) => s?.startsWith('https://www.') && s.endsWith('/'))).toBe(true);
    expect(sites.some((s) => s?.startsWith('http://') && s.endsWith('/about'))).toBe(true);
    expect(sites.some((s) => s !== null && /^[A-Z][a-z]+\.[a-z.]+$/.test(s))).toBe(true);
  });

  test('R3.2a some companies are marked as auto-created from contacts', () => {
    const auto = first.data.hubspot.companies.filter(
      (c) => c.properties.hs_object_source === AUTO_ASSOCIATED_COMPANY_SOURCE,
    );
    expect(auto.length).toBeGreaterThan(0);
  });

  test('ids are unique and sorted in creation order', () => {
    const ids = first.data.salesforce.accounts.map((a) => a.Id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const emails = first.data.hubspot.contacts.map((c) => c.properties.email);
    expect(new Set(emails).size).toBe(emails.length);
  });
});

describe('--hs-limit', () => {
  test('parses 110/10s, both limits, and off', () => {
    expect(parseHsLimit('110/10s')).toEqual({ perTenSeconds: 110 });
    expect(parseHsLimit('190/10s,1000000/day')).toEqual({ perTenSeconds: 190, perDay: 1_000_000 });
    expect(parseHsLimit('off')).toEqual({ perTenSeconds: null, perDay: null });
  });

  test('rejects nonsense with a message that shows the accepted forms', () => {
    expect(() => parseHsLimit('110/min')).toThrow(/N\/10s, N\/day/);
    expect(() => parseHsLimit('0/10s')).toThrow(/Bad HubSpot limit/);
    expect(() => parseHsLimit('1/10s,2/10s')).toThrow(/twice/);
  });
});
