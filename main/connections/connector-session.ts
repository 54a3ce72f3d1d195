/**
 * One system's live connector over the vault: built from the stored token, rebuilt when the token changes (refresh,
 * reconnect), guarded so that
 * - a connection marked "needs reconnect" fails fast with an AUTH error the engine pauses on (nothing is dropped:
 *   the run's operations go back to planned and wait for a resume);
 * - an AUTH failure from the provider (token expired or revoked, refresh refused) marks the connection so;
 * - a due refresh (HubSpot, before expiry) and other preconditions (scopes) run before each call.
 */
import type { SystemName } from '../../shared/contract/index.js';
import { systemLabel } from '../connectors/remote-error.js';
import { RemoteError } from '../connectors/types.js';
import { KeychainError } from './keychain.js';
import { type ConnectorGuard, guardConnector, type MethodKinds } from './guarded-connector.js';
import type { StoredConnection, TokenVault } from './vault.js';

export interface SessionSpec<T extends object> {
  system: SystemName;
  vault: TokenVault;
  kinds: MethodKinds<T>;
  build(stored: StoredConnection): T;
  /** Runs before each call with the stored connection: refresh a due token, refuse on missing scopes. */
  prepare?(stored: StoredConnection): Promise<void>;
  /** A token refused before its time (revoked, or expired early): refresh it if possible; true when refreshed. */
  refreshRefused?(stored: StoredConnection): Promise<boolean>;
  /** Persists the problem and tells the windows (the `connections` event). */
  onProblem(problem: string): void;
}

export function reconnectProblem(system: SystemName, stored: StoredConnection | null): string {
  const name = systemLabel[system];
  const what =
    stored?.refreshToken !== undefined
      ? 'the saved sign-in was revoked or has expired'
      : 'the saved token has expired or was revoked';
  return (
    `${name} refused the connection (${what}). Reconnect ${name} on the Connections page or with ` +
    `"sfhs connect ${system}"; paused work waits and resumes after that.`
  );
}

export class ConnectorSession<T extends object> implements ConnectorGuard {
  readonly connector: T;
  private inner: { token: string; connector: T } | null = null;

  constructor(private readonly spec: SessionSpec<T>) {
    this.connector = guardConnector(() => this.current(), spec.kinds, this);
  }

  /** The connector for the stored token (a stored token that changed gets a new connector). */
  current(): T {
    const stored = this.stored();
    if (!stored) throw this.authError('Not connected any more.');
    if (this.inner?.token !== stored.accessToken) {
      this.inner = { token: stored.accessToken, connector: this.spec.build(stored) };
    }
    return this.inner.connector;
  }

  /** A connector already verified with this token (connect) is kept instead of building another. */
  adopt(token: string, connector: T): void {
    this.inner = { token, connector };
  }

  /** The token changed inside the connector itself (jsforce refreshed it): keep the connector. */
  tokenRefreshed(token: string): void {
    if (this.inner) this.inner = { ...this.inner, token };
  }

  reset(): void {
    this.inner = null;
  }

  async before(): Promise<void> {
    const stored = this.stored();
    if (!stored) throw this.authError(`Not connected to ${systemLabel[this.spec.system]}.`);
    if (stored.problem) throw this.authError(stored.problem);
    await this.spec.prepare?.(stored);
  }

  async recover(error: unknown): Promise<boolean> {
    if (!(error instanceof RemoteError) || error.category !== 'AUTH' || !this.spec.refreshRefused) return false;
    const stored = this.stored();
    if (!stored || stored.problem) return false;
    return this.spec.refreshRefused(stored);
  }

  translate(error: unknown): unknown {
    const stored = this.stored();
    if (stored?.problem) return this.authError(stored.problem);
    if (!(error instanceof RemoteError) || error.category !== 'AUTH' || !stored) return error;
    const problem = reconnectProblem(this.spec.system, stored);
    this.spec.onProblem(problem);
    return this.authError(problem, error.status);
  }

  authError(message: string, status?: number): RemoteError {
    return new RemoteError(this.spec.system, 'AUTH', message, false, status, 'NEEDS_RECONNECT');
  }

  /** A keychain that stops answering mid-run pauses the run (retryable), like a refused token, instead of failing it. */
  private stored(): StoredConnection | null {
    try {
      return this.spec.vault.get(this.spec.system);
    } catch (error) {
      if (!(error instanceof KeychainError)) throw error;
      throw new RemoteError(this.spec.system, 'AUTH', error.message, true, undefined, 'KEYCHAIN');
    }
  }
}
