/**
 * OAuth codes, access and refresh tokens, and pre-issued private-app tokens (wire-formats B2).
 * Access tokens live 1800 s by the emulator clock (HubSpot's `expires_in`), and can be cut short by the fault
 * injector's `expire-after` (tokens remember the fault call count at issue).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { TokenKind } from './rate-limit.js';

export const ACCESS_TOKEN_SECONDS = 1800;
const CODE_SECONDS = 600;

/** Scopes the authorize page accepts (HubSpot scope names the sync needs, plus `oauth`). */
export const KNOWN_SCOPES = new Set([
  'oauth',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.schemas.companies.read',
  'crm.schemas.companies.write',
  'crm.schemas.contacts.read',
  'crm.schemas.contacts.write',
  'crm.lists.read',
  'crm.objects.owners.read',
]);

export interface TokenOwner {
  hubId: number;
  appId: number;
  userId: number;
  user: string;
  hubDomain: string;
}

export interface AccessToken {
  token: string;
  kind: TokenKind;
  scopes: string[];
  /** Epoch ms; null for private-app tokens, which do not expire. */
  expiresAt: number | null;
  issuedAtCall: number;
}

export interface RefreshToken {
  token: string;
  clientId: string;
  scopes: string[];
}

interface AuthCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  expiresAt: number;
}

export class TokenRegistry {
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshToken>();
  private readonly codes = new Map<string, AuthCode>();

  constructor(
    readonly owner: TokenOwner,
    private readonly now: () => Date,
    private readonly callCount: () => number,
  ) {}

  issuePrivateApp(scopes: string[] = [...KNOWN_SCOPES]): string {
    const token = `pat-na1-${randomUUID()}`;
    this.access.set(token, { token, kind: 'privateApp', scopes, expiresAt: null, issuedAtCall: this.callCount() });
    return token;
  }

  issueCode(clientId: string, redirectUri: string, scopes: string[]): string {
    const code = randomUUID();
    this.codes.set(code, { clientId, redirectUri, scopes, expiresAt: this.now().getTime() + CODE_SECONDS * 1000 });
    return code;
  }

  /** Codes are single-use and bound to the client and redirect URI they were issued for. */
  redeemCode(code: string, clientId: string, redirectUri: string): AuthCode | 'BAD_AUTH_CODE' | 'BAD_REDIRECT_URI' {
    const found = this.codes.get(code);
    if (!found || found.clientId !== clientId || found.expiresAt < this.now().getTime()) return 'BAD_AUTH_CODE';
    if (found.redirectUri !== redirectUri) return 'BAD_REDIRECT_URI';
    this.codes.delete(code);
    return found;
  }

  issueOAuthPair(clientId: string, scopes: string[], refreshToken?: string): { access: AccessToken; refresh: string } {
    const token = `C${randomBytes(54).toString('base64url')}`;
    const access: AccessToken = {
      token,
      kind: 'oauth',
      scopes,
      expiresAt: this.now().getTime() + ACCESS_TOKEN_SECONDS * 1000,
      issuedAtCall: this.callCount(),
    };
    this.access.set(token, access);
    // HubSpot keeps the refresh token across refreshes.
    const refresh = refreshToken ?? `na1-${randomUUID()}`;
    if (!this.refresh.has(refresh)) this.refresh.set(refresh, { token: refresh, clientId, scopes });
    return { access, refresh };
  }

  getAccess(token: string): AccessToken | undefined {
    return this.access.get(token);
  }

  getRefresh(token: string): RefreshToken | undefined {
    return this.refresh.get(token);
  }

  /** Deleting a refresh token leaves its access tokens working (HubSpot docs, B2). */
  deleteRefresh(token: string): boolean {
    return this.refresh.delete(token);
  }

  /** Seconds left (may be negative) for an OAuth token; null for tokens that never expire. */
  secondsLeft(t: AccessToken): number | null {
    return t.expiresAt === null ? null : Math.floor((t.expiresAt - this.now().getTime()) / 1000);
  }

  /** Test helper: makes an OAuth access token expire now. */
  expire(token: string): void {
    const t = this.access.get(token);
    if (t && t.expiresAt !== null) t.expiresAt = this.now().getTime() - 1000;
  }
}
