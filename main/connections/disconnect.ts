/**
 * Disconnect = revoke at the provider, then erase locally. The local copy is erased even when the revoke fails
 * (offline, already revoked): the person asked for the tokens to be gone from this machine, and the outcome says
 * what to do at the provider by hand.
 */
import type { DisconnectOutcome, SystemName } from '../../shared/contract/index.js';
import { revokeHubSpotRefreshToken } from '../oauth/hubspot-oauth.js';
import { scrub } from '../oauth/provider-errors.js';
import { revokeSalesforceToken } from '../oauth/salesforce-oauth.js';
import type { ConnectionService } from './connection-service.js';
import type { StoredConnection } from './vault.js';

const BY_HAND: Readonly<Record<SystemName, string>> = {
  salesforce: 'revoke it in Salesforce Setup → Connected Apps OAuth Usage',
  hubspot: 'uninstall the app or rotate the private-app token in HubSpot → Settings → Integrations',
};

async function revoke(stored: StoredConnection): Promise<{ revoked: boolean; note: string | null }> {
  if (stored.system === 'salesforce') {
    // The refresh token takes its access tokens with it; a pasted access token is revoked on its own instance.
    await revokeSalesforceToken(stored.app?.loginUrl ?? stored.url, stored.refreshToken ?? stored.accessToken);
    return { revoked: true, note: null };
  }
  if (stored.kind === 'oauth' && stored.refreshToken) {
    await revokeHubSpotRefreshToken(stored.url, stored.refreshToken);
    return {
      revoked: true,
      note: 'HubSpot deleted the refresh token; the last access token stops working within 30 minutes.',
    };
  }
  return {
    revoked: false,
    note: `HubSpot private-app tokens cannot be revoked through the API: ${BY_HAND.hubspot} if it should stop working.`,
  };
}

export async function disconnect(service: ConnectionService, system: SystemName): Promise<DisconnectOutcome> {
  let stored: StoredConnection | null = null;
  try {
    stored = service.vault.get(system);
  } catch {
    // An unreadable vault (encrypted elsewhere) cannot be revoked from here; it is still erased below.
  }
  let outcome: { revoked: boolean; note: string | null } = { revoked: false, note: null };
  if (stored) {
    outcome = await revoke(stored).catch((error: unknown) => ({
      revoked: false,
      note: scrub(`Could not revoke at the provider (${(error as Error).message}); ${BY_HAND[system]}.`, [
        stored?.accessToken,
        stored?.refreshToken,
        stored?.app?.clientSecret,
      ]),
    }));
  }
  return { status: service.forget(system), ...outcome };
}
