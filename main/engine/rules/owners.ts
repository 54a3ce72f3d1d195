/**
 * R3.5 / R7.5 Owners: a HubSpot owner and a Salesforce user are the same person only when an *active* SF user and
 * an unarchived HS owner have the same name and the same email (case-insensitive, trimmed, inner spaces collapsed).
 * Otherwise the owner is left alone and the caller logs the warning; for a new account the integration user owns
 * it (R3.5).
 *
 * Decision: Salesforce does not make user emails unique, so two active users matching the same owner is not
 * guessed between: it is the AMBIGUOUS_USER warning.
 */

export interface OwnerPerson {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  /** HS owners only. */
  archived?: boolean;
}

export interface SfUserPerson {
  Id: string;
  Name: string;
  Email: string;
  IsActive: boolean;
}

export type OwnerWarning =
  | 'NO_OWNER'
  | 'OWNER_ARCHIVED'
  | 'NO_USER_WITH_EMAIL'
  | 'NAME_MISMATCH'
  | 'USER_INACTIVE'
  | 'AMBIGUOUS_USER';

export interface OwnerMiss {
  matched: false;
  id: null;
  warning: OwnerWarning;
  message: string;
}

export type OwnerMatch = { matched: true; id: string } | OwnerMiss;

const canonical = (text: string | null | undefined): string => (text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

const fullName = (person: Pick<OwnerPerson, 'firstName' | 'lastName'>): string =>
  canonical(`${person.firstName ?? ''} ${person.lastName ?? ''}`);

/** R7.5 The active SF user for a HubSpot owner (HS → SF direction). */
export function matchOwnerToSfUser(owner: OwnerPerson | null, users: readonly SfUserPerson[]): OwnerMatch {
  if (owner === null) return miss('NO_OWNER', 'The HubSpot record has no owner.');
  if (owner.archived) return miss('OWNER_ARCHIVED', `HubSpot owner ${owner.id} is deactivated.`);
  const email = canonical(owner.email);
  const name = fullName(owner);
  const sameEmail = email === '' ? [] : users.filter((user) => canonical(user.Email) === email);
  const sameBoth = sameEmail.filter((user) => canonical(user.Name) === name);
  const active = sameBoth.filter((user) => user.IsActive);
  const who = `HubSpot owner ${name || owner.id} <${email}>`;

  if (active.length === 1 && active[0]) return { matched: true, id: active[0].Id };
  if (active.length > 1) {
    return miss('AMBIGUOUS_USER', `${who} matches ${active.length} active Salesforce users; none was chosen.`);
  }
  if (sameBoth.length > 0) return miss('USER_INACTIVE', `${who} matches only an inactive Salesforce user.`);
  if (sameEmail.length > 0)
    return miss('NAME_MISMATCH', `${who}: the Salesforce user with that email has another name.`);
  return miss('NO_USER_WITH_EMAIL', `${who}: no Salesforce user has that email.`);
}

/** R7.5 The HubSpot owner for an SF user (SF → HS direction); the same name-and-email rule. */
export function matchSfUserToOwner(user: SfUserPerson | null, owners: readonly OwnerPerson[]): OwnerMatch {
  if (user === null) return miss('NO_OWNER', 'The Salesforce record has no owner.');
  if (!user.IsActive) return miss('USER_INACTIVE', `Salesforce user ${user.Name} is inactive.`);
  const email = canonical(user.Email);
  const name = canonical(user.Name);
  const who = `Salesforce user ${user.Name} <${email}>`;
  const sameEmail = email === '' ? [] : owners.filter((owner) => canonical(owner.email) === email);
  const sameBoth = sameEmail.filter((owner) => fullName(owner) === name);
  const live = sameBoth.filter((owner) => !owner.archived);

  if (live.length === 1 && live[0]) return { matched: true, id: live[0].id };
  if (live.length > 1) return miss('AMBIGUOUS_USER', `${who} matches ${live.length} HubSpot owners; none was chosen.`);
  if (sameBoth.length > 0) return miss('OWNER_ARCHIVED', `${who} matches only a deactivated HubSpot owner.`);
  if (sameEmail.length > 0) return miss('NAME_MISMATCH', `${who}: the HubSpot owner with that email has another name.`);
  return miss('NO_USER_WITH_EMAIL', `${who}: no HubSpot owner has that email.`);
}

/** R3.5 The owner of a new account: the matching SF user, else the integration user (with the warning). */
export function ownerForNewAccount(
  owner: OwnerPerson | null,
  users: readonly SfUserPerson[],
  integrationUserId: string,
): { userId: string; warning: OwnerMiss | null } {
  const match = matchOwnerToSfUser(owner, users);
  return match.matched ? { userId: match.id, warning: null } : { userId: integrationUserId, warning: match };
}

function miss(warning: OwnerWarning, message: string): OwnerMiss {
  return { matched: false, id: null, warning, message };
}
