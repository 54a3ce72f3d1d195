/** A stored connection → what a person may see (shared ConnectionStatus). Never a token: only these fields. */
import type { ConnectionStatus, SystemName } from '../../shared/contract/index.js';
import type { StoredConnection } from './vault.js';

export function notConnected(system: SystemName, problem: string | null = null): ConnectionStatus {
  return { system, connected: false, label: null, instanceUrl: null, scopes: [], expiresAt: null, problem };
}

export function statusOf(system: SystemName, stored: StoredConnection | null): ConnectionStatus {
  if (!stored) return notConnected(system);
  const expired = stored.expiresAt !== null && Date.parse(stored.expiresAt) < Date.now() && !stored.refreshToken;
  return {
    system,
    connected: true,
    label: stored.label,
    instanceUrl: stored.url,
    scopes: [...stored.scopes],
    expiresAt: stored.expiresAt,
    problem: expired ? 'The access token has expired; connect again.' : null,
  };
}
