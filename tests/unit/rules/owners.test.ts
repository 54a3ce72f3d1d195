import { describe, expect, test } from 'vitest';
import {
  matchOwnerToSfUser,
  matchSfUserToOwner,
  type OwnerPerson,
  ownerForNewAccount,
  type SfUserPerson,
} from '../../../main/engine/rules/owners.js';

const users: SfUserPerson[] = [
  { Id: '005A', Name: 'Ada Lovelace', Email: 'ada@example.com', IsActive: true },
  { Id: '005B', Name: 'Bob Inactive', Email: 'bob@example.com', IsActive: false },
  { Id: '005C', Name: 'Cy Twin', Email: 'cy@example.com', IsActive: true },
  { Id: '005D', Name: 'Cy Twin', Email: 'CY@example.com', IsActive: true },
  { Id: '005E', Name: 'Eve Other', Email: 'shared@example.com', IsActive: true },
];
const owner = (
  firstName: string | null,
  lastName: string | null,
  email: string | null,
  archived = false,
): OwnerPerson => ({
  id: 'o1',
  firstName,
  lastName,
  email,
  archived,
});

describe('R3.5 / R7.5 HS owner → active SF user by name and email', () => {
  test.each<{ name: string; owner: OwnerPerson | null; id: string | null; warning?: string }>([
    { name: 'exact name and email', owner: owner('Ada', 'Lovelace', 'ada@example.com'), id: '005A' },
    { name: 'case and spaces ignored', owner: owner('  ada ', 'LOVELACE', ' Ada@Example.COM '), id: '005A' },
    { name: 'no owner', owner: null, id: null, warning: 'NO_OWNER' },
    {
      name: 'deactivated HS owner',
      owner: owner('Ada', 'Lovelace', 'ada@example.com', true),
      id: null,
      warning: 'OWNER_ARCHIVED',
    },
    {
      name: 'email known, name differs',
      owner: owner('Ada', 'Byron', 'ada@example.com'),
      id: null,
      warning: 'NAME_MISMATCH',
    },
    {
      name: 'name known, email differs',
      owner: owner('Ada', 'Lovelace', 'ada@other.com'),
      id: null,
      warning: 'NO_USER_WITH_EMAIL',
    },
    {
      name: 'matching user is inactive',
      owner: owner('Bob', 'Inactive', 'bob@example.com'),
      id: null,
      warning: 'USER_INACTIVE',
    },
    {
      name: 'two active users match: no guess',
      owner: owner('Cy', 'Twin', 'cy@example.com'),
      id: null,
      warning: 'AMBIGUOUS_USER',
    },
    {
      name: 'owner without email never matches',
      owner: owner('Ada', 'Lovelace', null),
      id: null,
      warning: 'NO_USER_WITH_EMAIL',
    },
  ])('R7.5 $name', ({ owner: given, id, warning }) => {
    const result = matchOwnerToSfUser(given, users);
    expect(result.id).toBe(id);
    if (warning) expect(result).toMatchObject({ matched: false, warning, message: expect.any(String) });
    else expect(result.matched).toBe(true);
  });

  test('R3.5 a new account gets the matching user, else the integration user with the warning', () => {
    expect(ownerForNewAccount(owner('Ada', 'Lovelace', 'ada@example.com'), users, '005INT')).toEqual({
      userId: '005A',
      warning: null,
    });
    const fallback = ownerForNewAccount(owner('Zed', 'Nobody', 'zed@example.com'), users, '005INT');
    expect(fallback.userId).toBe('005INT');
    expect(fallback.warning?.warning).toBe('NO_USER_WITH_EMAIL');
  });
});

describe('R7.5 SF user → HS owner by name and email', () => {
  const owners: OwnerPerson[] = [
    { id: 'o1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
    { id: 'o2', firstName: 'Bob', lastName: 'Gone', email: 'bob@example.com', archived: true },
  ];
  test.each<{ name: string; user: SfUserPerson | null; id: string | null; warning?: string }>([
    {
      name: 'exact match',
      user: { Id: '005A', Name: 'ADA  Lovelace', Email: 'Ada@example.com', IsActive: true },
      id: 'o1',
    },
    { name: 'no SF owner', user: null, id: null, warning: 'NO_OWNER' },
    {
      name: 'inactive SF user',
      user: { Id: '005A', Name: 'Ada Lovelace', Email: 'ada@example.com', IsActive: false },
      id: null,
      warning: 'USER_INACTIVE',
    },
    {
      name: 'archived HS owner',
      user: { Id: '005B', Name: 'Bob Gone', Email: 'bob@example.com', IsActive: true },
      id: null,
      warning: 'OWNER_ARCHIVED',
    },
    {
      name: 'name differs',
      user: { Id: '005A', Name: 'Ada King', Email: 'ada@example.com', IsActive: true },
      id: null,
      warning: 'NAME_MISMATCH',
    },
    {
      name: 'unknown email',
      user: { Id: '005Z', Name: 'Zed', Email: 'zed@example.com', IsActive: true },
      id: null,
      warning: 'NO_USER_WITH_EMAIL',
    },
  ])('R7.5 $name', ({ user, id, warning }) => {
    const result = matchSfUserToOwner(user, owners);
    expect(result.id).toBe(id);
    if (warning) expect(result).toMatchObject({ matched: false, warning });
  });
});
