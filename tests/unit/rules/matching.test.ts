import { describe, expect, test } from 'vitest';
import { findDuplicateLinks, type MatchCandidates, matchUnlinkedAccount } from '../../../main/engine/rules/matching.js';

describe('R6 matching an unlinked account, first hit wins', () => {
  test.each<{ name: string; given: MatchCandidates; expected: ReturnType<typeof matchUnlinkedAccount> }>([
    {
      name: 'R6.1 a company carrying the account id is the link',
      given: { byLink: ['h1'], byContacts: ['h2'], byDomain: ['h3'] },
      expected: { kind: 'linked', companyId: 'h1', reason: 'MATCHED_BY_LINK' },
    },
    {
      name: 'R0.3 two companies carrying the same account id are a duplicate link',
      given: { byLink: ['h1', 'h2'], byContacts: ['h3'], byDomain: null },
      expected: { kind: 'ambiguous', step: 'link', candidates: ['h1', 'h2'], reason: 'DUPLICATE_LINK' },
    },
    {
      name: 'R6.2 the company of the associated contacts',
      given: { byLink: [], byContacts: ['h2', 'h2'], byDomain: ['h3'] },
      expected: { kind: 'matched_contacts', companyId: 'h2', reason: 'MATCHED_BY_CONTACTS' },
    },
    {
      name: 'R6.4 contacts pointing at two companies hold the record as ambiguous',
      given: { byLink: [], byContacts: ['h2', 'h4', 'h2'], byDomain: ['h3'] },
      expected: { kind: 'ambiguous', step: 'contacts', candidates: ['h2', 'h4'], reason: 'AMBIGUOUS_MATCH' },
    },
    {
      name: 'R6.3 domain match when on and nothing earlier hit',
      given: { byLink: [], byContacts: [], byDomain: ['h3'] },
      expected: { kind: 'matched_domain', companyId: 'h3', reason: 'MATCHED_BY_DOMAIN' },
    },
    {
      name: 'R6.4 ambiguous domain match holds the record',
      given: { byLink: [], byContacts: [], byDomain: ['h3', 'h5'] },
      expected: { kind: 'ambiguous', step: 'domain', candidates: ['h3', 'h5'], reason: 'AMBIGUOUS_MATCH' },
    },
    {
      name: 'R6.3 domain matching off (default): no match',
      given: { byLink: [], byContacts: [], byDomain: null },
      expected: { kind: 'none', reason: 'NO_MATCH_DOMAIN_OFF' },
    },
    {
      name: 'R6 nothing found anywhere: no match, the account may be created',
      given: { byLink: [], byContacts: [], byDomain: [] },
      expected: { kind: 'none', reason: 'NO_MATCH' },
    },
  ])('$name', ({ given, expected }) => {
    expect(matchUnlinkedAccount(given)).toEqual(expected);
  });
});

describe('R0.3 duplicate links', () => {
  test('R0.3 companies claiming the same account (15 or 18 chars, any case) are reported', () => {
    const audit = findDuplicateLinks([
      { companyId: 'h1', salesforceAccountId: '0019000000B98de' },
      { companyId: 'h2', salesforceAccountId: '0019000000B98deAAB' },
      { companyId: 'h3', salesforceAccountId: '0019000000b98deaab' },
      { companyId: 'h4', salesforceAccountId: 'a0D30000001n7Pi' },
      { companyId: 'h5', salesforceAccountId: '001000000000001' },
      { companyId: 'h6', salesforceAccountId: null },
      { companyId: 'h7', salesforceAccountId: '  ' },
    ]);
    expect(audit.duplicates).toEqual([
      { accountId: '0019000000B98deAAB', companyIds: ['h1', 'h2', 'h3'], reason: 'DUPLICATE_LINK' },
    ]);
    expect(audit.invalid).toEqual([
      {
        companyId: 'h4',
        salesforceAccountId: 'a0D30000001n7Pi',
        message: expect.stringContaining('Account Ids start with 001'),
      },
    ]);
  });

  test('R0.3 one company listed twice is not a duplicate of itself', () => {
    const audit = findDuplicateLinks([
      { companyId: 'h1', salesforceAccountId: '0019000000B98de' },
      { companyId: 'h1', salesforceAccountId: '0019000000B98deAAB' },
    ]);
    expect(audit.duplicates).toEqual([]);
  });
});
