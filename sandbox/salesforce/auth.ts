/**
 * Sessions: authorization codes, access tokens and refresh tokens. An access token stops working when revoked,
 * when its configured lifetime has passed, or when the FaultInjector's `expire-after` call budget is spent; a
 * refresh then issues a fresh one, which is what jsforce's auto-refresh on 401 needs to exercise.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FaultInjector } from '../faults/faults.js';

export interface Session {
  accessToken: string;
  userId: string;
  scope: string;
  issuedAtMs: number;
  /** FaultInjector.calls when issued, for injected expiry. */
  issuedAtCall: number;
  refreshToken?: string;
  /** The emulator's pre-issued script token ignores the lifetime (injected expiry and revoke still apply). */
  longLived?: boolean;
}

interface RefreshGrant {
  userId: string;
  scope: string;
  clientId: string;
  revoked: boolean;
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  userId: string;
  scope: string;
  codeChallenge?: string;
  expiresAtMs: number;
}

/** Salesforce codes are valid for 15 minutes. */
const CODE_LIFETIME_MS = 15 * 60 * 1000;

const token = (bytes: number) => randomBytes(bytes).toString('base64url');

export const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();
  private readonly refreshGrants = new Map<string, RefreshGrant>();
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(
    private readonly orgId: string,
    private readonly faults: FaultInjector,
    private readonly now: () => Date,
    private readonly lifetimeMs: number,
  ) {}

  /** Access tokens look like the org's: `<orgId>!<opaque>`. */
  issue(userId: string, scope: string, clientId: string, withRefresh: boolean, refreshToken?: string): Session {
    const session: Session = {
      accessToken: `${this.orgId}!${token(48)}`,
      userId,
      scope,
      issuedAtMs: this.now().getTime(),
      issuedAtCall: this.faults.calls,
    };
    if (refreshToken) session.refreshToken = refreshToken;
    else if (withRefresh) {
      session.refreshToken = `5Aep861${token(60)}`;
      this.refreshGrants.set(session.refreshToken, { userId, scope, clientId, revoked: false });
    }
    this.sessions.set(session.accessToken, session);
    return session;
  }

  /** The live session for a token, or undefined when unknown, revoked or expired. */
  verify(accessToken: string): Session | undefined {
    const session = this.sessions.get(accessToken);
    if (!session) return undefined;
    // FaultInjector.configure() restarts its call counter; tokens older than that count from the restart.
    if (session.issuedAtCall > this.faults.calls) session.issuedAtCall = 0;
    const outlived = !session.longLived && this.now().getTime() - session.issuedAtMs >= this.lifetimeMs;
    const expired = outlived || this.faults.tokenExpired(session.issuedAtCall);
    if (expired || (session.refreshToken && this.refreshGrants.get(session.refreshToken)?.revoked)) return undefined;
    return session;
  }

  refresh(refreshToken: string, clientId: string): Session | undefined {
    const grant = this.refreshGrants.get(refreshToken);
    if (!grant || grant.revoked || grant.clientId !== clientId) return undefined;
    return this.issue(grant.userId, grant.scope, clientId, false, refreshToken);
  }

  /** Revoking a refresh token revokes every access token issued from it (A2.5). */
  revoke(tokenText: string): boolean {
    const grant = this.refreshGrants.get(tokenText);
    if (grant) {
      grant.revoked = true;
      return true;
    }
    return this.sessions.delete(tokenText);
  }

  createCode(code: Omit<AuthorizationCode, 'expiresAtMs'>): string {
    const value = `aPrx${token(32)}`;
    this.codes.set(value, { ...code, expiresAtMs: this.now().getTime() + CODE_LIFETIME_MS });
    return value;
  }

  /** Codes are single-use: taking one removes it, even when the exchange then fails. */
  takeCode(value: string): AuthorizationCode | 'expired' | undefined {
    const code = this.codes.get(value);
    this.codes.delete(value);
    if (!code) return undefined;
    return code.expiresAtMs <= this.now().getTime() ? 'expired' : code;
  }
}
