/**
 * SF users and HS owners (R3.5/R7.5: an owner syncs only when an ACTIVE user has the same name and email), and
 * the names and emails of people.
 */
import type { HsOwner, SfUser } from '../model.js';
import { seedSfId } from './naming.js';
import type { Random } from './random.js';
import { FIRST_NAMES, LAST_NAMES } from './words.js';

export const ORG_DOMAIN = 'sfhs-sandbox.example.com';
export const INTEGRATION_USER_NAME = 'Integration User';

export interface Person {
  first: string;
  last: string;
}

export const randomPerson = (rng: Random): Person => ({ first: rng.pick(FIRST_NAMES), last: rng.pick(LAST_NAMES) });

/** An email local part without accents or apostrophes, as mail systems would have it. */
const local = (p: Person): string =>
  `${p.first}.${p.last}`
    .normalize('NFD')
    .replace(/[^A-Za-z.]/g, '')
    .toLowerCase();

/** `suffix` keeps emails unique (HubSpot deduplicates contacts by email). */
export const emailOf = (p: Person, domain: string, suffix = ''): string => `${local(p)}${suffix}@${domain}`;

export interface Staff {
  users: SfUser[];
  owners: HsOwner[];
  /** Users that can own records (all but the integration user). */
  ownerIds: string[];
  /** SF user id → matching HS owner id (same name and email), whether or not the user is active. */
  hsOwnerFor: Map<string, string>;
}

/**
 * User 0 is the integration user. Of the others: most have an HS owner with the same name and email; one has an
 * owner with the same name but another email (no match); the last is inactive but has a matching owner (no sync);
 * two HS owners have no SF user at all.
 */
export function makeStaff(count = 12): Staff {
  const users: SfUser[] = [];
  const owners: HsOwner[] = [];
  const hsOwnerFor = new Map<string, string>();
  const addOwner = (p: Person, email: string): string => {
    const id = String(100_000_001 + owners.length);
    owners.push({
      id,
      email,
      firstName: p.first,
      lastName: p.last,
      userId: 9_000_001 + owners.length,
      archived: false,
    });
    return id;
  };
  for (let i = 0; i < count; i++) {
    const p: Person =
      i === 0
        ? { first: 'Integration', last: 'User' }
        : {
            first: FIRST_NAMES[(i * 7) % FIRST_NAMES.length] as string,
            last: LAST_NAMES[(i * 11) % LAST_NAMES.length] as string,
          };
    const email = emailOf(p, ORG_DOMAIN);
    const user: SfUser = {
      Id: seedSfId('005', i + 1),
      Username: email,
      Name: `${p.first} ${p.last}`,
      FirstName: p.first,
      LastName: p.last,
      Email: email,
      IsActive: i !== count - 1,
    };
    users.push(user);
    if (i === 0) continue;
    if (i === count - 2) addOwner(p, emailOf(p, 'personal.example.net'));
    else hsOwnerFor.set(user.Id, addOwner(p, email));
  }
  addOwner({ first: 'Hedda', last: 'Gabler' }, `hedda.gabler@${ORG_DOMAIN}`);
  addOwner({ first: 'Peer', last: 'Gynt' }, `peer.gynt@${ORG_DOMAIN}`);
  return { users, owners, ownerIds: users.slice(1).map((u) => u.Id), hsOwnerFor };
}
