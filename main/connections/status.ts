/** A stored connection → what a person may see (shared ConnectionStatus). Never a token: only these fields. */
import type { ConnectionStatus, SystemName } from '../../shared/contract/index.js';
import { missingScopes } from './scopes.js';
import type { StoredConnection } from './vault.js';

export function notConnected(system: SystemName, problem: string | null = null): ConnectionStatus {
  return {
    system,
    connected: false,
    label: null,
    instanceUrl: null,
    scopes: [],
    expiresAt: null,
    problem,
    kind: null,
    accountId: null,
    user: null,
    oauthApp: null,
    missingScopes: [],
  };
}

export function statusOf(
  system: SystemName,
  stored: StoredConnection | null,
  inclusionListId: string | null = null,
): ConnectionStatus {
  if (!stored) return notConnected(system);
  const expired = stored.expiresAt !== null && Date.parse(stored.expiresAt) < Date.now() && !stored.refreshToken;
  return {
    system,
    connected: true,
    label: stored.label,
    instanceUrl: stored.url,
    scopes: [...stored.scopes],
    expiresAt: stored.expiresAt,
    problem: stored.problem ?? (expired ? 'The access token has expired; connect again.' : null),
    kind: stored.kind,
    accountId: stored.remoteId,
    user: stored.user ?? null,
    // Only the public half of the app: the client secret stays in the vault.
    oauthApp: stored.app ? { loginUrl: stored.app.loginUrl, clientId: stored.app.clientId } : null,
    missingScopes: missingScopes(stored, inclusionListId),
  };
}
