/**
 * The HubSpot scopes the sync needs, from HubSpot's API reference ("Scope requirements" of each endpoint used):
 * companies read/write (objects, batch upsert, search), contacts read (contacts and their company associations),
 * the companies schema (properties), owners (owner mapping) and lists read when an inclusion list is set (R3.1c).
 * A private-app token's scopes are read when the server can say; otherwise they are unknown and not checked.
 */
import type { StoredConnection } from './vault.js';

export const HUBSPOT_REQUIRED_SCOPES = [
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.contacts.read',
  'crm.schemas.companies.read',
  'crm.objects.owners.read',
] as const;

export const HUBSPOT_LIST_SCOPE = 'crm.lists.read';

/** Asked for at sign-in: `oauth` is implied by every app; lists are optional so an inclusion list can come later. */
export const HUBSPOT_AUTHORIZE_SCOPES = {
  scopes: ['oauth', ...HUBSPOT_REQUIRED_SCOPES],
  optional: [HUBSPOT_LIST_SCOPE],
};

export function requiredHubSpotScopes(inclusionListId: string | null): string[] {
  return inclusionListId ? [...HUBSPOT_REQUIRED_SCOPES, HUBSPOT_LIST_SCOPE] : [...HUBSPOT_REQUIRED_SCOPES];
}

/** Missing scopes of a stored HubSpot connection; none when its scopes are unknown (empty). */
export function missingScopes(stored: StoredConnection | null, inclusionListId: string | null): string[] {
  if (stored?.system !== 'hubspot' || stored.scopes.length === 0) return [];
  const granted = new Set(stored.scopes);
  return requiredHubSpotScopes(inclusionListId).filter((scope) => !granted.has(scope));
}

export const missingScopeMessage = (missing: readonly string[]): string =>
  `The HubSpot connection lacks the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, which the sync ` +
  'needs; nothing was started. Add it to the HubSpot app (or private app) and connect HubSpot again.';
