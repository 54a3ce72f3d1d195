import { describe, expect, test } from 'vitest';
import { LIFECYCLE_ORDER, nextCompanyLifecycleStage } from '../../../main/engine/rules/lifecycle.js';

describe('R4.1 company lifecycle stage from contacts', () => {
  test('R4.1 the order is HubSpot order', () => {
    expect(LIFECYCLE_ORDER).toEqual([
      'subscriber',
      'lead',
      'marketingqualifiedlead',
      'salesqualifiedlead',
      'opportunity',
      'customer',
      'evangelist',
    ]);
  });

  test.each<{ name: string; company: string | null; contacts: Array<string | null>; next: string | null }>([
    {
      name: 'furthest contact stage wins',
      company: 'lead',
      contacts: ['lead', 'opportunity', 'subscriber'],
      next: 'opportunity',
    },
    {
      name: 'blank company takes the furthest stage',
      company: null,
      contacts: ['subscriber', 'marketingqualifiedlead'],
      next: 'marketingqualifiedlead',
    },
    { name: 'never moves backwards', company: 'customer', contacts: ['lead', 'opportunity'], next: null },
    { name: 'same stage is no change', company: 'opportunity', contacts: ['opportunity'], next: null },
    { name: '"other" is ignored', company: 'lead', contacts: ['other', 'other'], next: null },
    {
      name: '"other" beside a real stage',
      company: 'subscriber',
      contacts: ['other', 'salesqualifiedlead'],
      next: 'salesqualifiedlead',
    },
    { name: 'custom (unknown) stages are ignored', company: 'lead', contacts: ['1234567', null, ''], next: null },
    { name: 'no contacts, no change', company: 'lead', contacts: [], next: null },
    { name: 'company at "other" moves to the contacts stage', company: 'other', contacts: ['lead'], next: 'lead' },
    { name: 'case and spaces in values are tolerated', company: 'Lead', contacts: [' CUSTOMER '], next: 'customer' },
    { name: 'evangelist is the furthest', company: 'customer', contacts: ['evangelist'], next: 'evangelist' },
  ])('R4.1 $name', ({ company, contacts, next }) => {
    expect(nextCompanyLifecycleStage(company, contacts)).toBe(next);
  });

  test('R4.1 a company with very many contacts does not overflow the stack', () => {
    const contacts = Array.from({ length: 300_000 }, (_, i) => (i === 299_999 ? 'customer' : 'lead'));
    expect(nextCompanyLifecycleStage('lead', contacts)).toBe('customer');
  });
});
