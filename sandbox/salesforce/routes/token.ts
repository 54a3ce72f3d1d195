/**
 * Token endpoint (A2.2–A2.4), revoke (A2.5) and the OIDC userinfo. Errors are RFC 6749 JSON
 * `{error, error_description}` with the descriptions the org uses; jsforce throws them with `name = error`.
 * The client secret is checked when sent; without one the code must have been PKCE-bound (a desktop app cannot
 * keep a secret, which is why the connected app would not require it for the web-server flow).
 */
import { json, type Router, type SandboxRequest, type SandboxResponse, text } from '../../http/router.js';
import { s256, type Session } from '../auth.js';
import { type EmulatorContext, identityUrl, sessionOf } from '../context.js';
import { createHmac } from 'node:crypto';

const oauthError = (error: string, description: string, status = 400): SandboxResponse =>
  json(status, { error, error_description: description });

function tokenResponse(ctx: EmulatorContext, session: Session): SandboxResponse {
  const id = identityUrl(ctx, session.userId);
  const issuedAt = String(session.issuedAtMs);
  return json(200, {
    access_token: session.accessToken,
    ...(session.refreshToken ? { refresh_token: session.refreshToken } : {}),
    signature: createHmac('sha256', ctx.clientSecret)
      .update(id + issuedAt)
      .digest('base64'),
    scope: session.scope,
    instance_url: ctx.url,
    id,
    token_type: 'Bearer',
    issued_at: issuedAt,
  });
}

function authorizationCodeGrant(ctx: EmulatorContext, p: Record<string, string>): SandboxResponse {
  const code = ctx.sessions.takeCode(p.code ?? '');
  if (code === 'expired') return oauthError('invalid_grant', 'expired authorization code');
  if (!code || code.clientId !== p.client_id) return oauthError('invalid_grant', 'invalid authorization code');
  if (code.redirectUri !== p.redirect_uri)
    return oauthError('redirect_uri_mismatch', 'redirect_uri must match configuration');
  if (code.codeChallenge) {
    // Salesforce docs: no verifier → invalid_grant; a verifier that does not match → invalid_request.
    if (!p.code_verifier) return oauthError('invalid_grant', 'invalid code verifier');
    if (s256(p.code_verifier) !== code.codeChallenge) return oauthError('invalid_request', 'invalid code verifier');
  } else if (!p.client_secret) {
    return oauthError('invalid_client', 'invalid client credentials');
  }
  const withRefresh = /\b(refresh_token|offline_access|full)\b/.test(code.scope);
  return tokenResponse(ctx, ctx.sessions.issue(code.userId, code.scope, ctx.clientId, withRefresh));
}

function refreshTokenGrant(ctx: EmulatorContext, p: Record<string, string>): SandboxResponse {
  const session = ctx.sessions.refresh(p.refresh_token ?? '', p.client_id ?? '');
  if (!session) return oauthError('invalid_grant', 'expired access/refresh token');
  // Without refresh-token rotation the org does not send the refresh token again (A2.4).
  const { refreshToken: _kept, ...withoutRefresh } = session;
  return tokenResponse(ctx, withoutRefresh);
}

export function tokenRoutes(router: Router, ctx: EmulatorContext): void {
  router.on('POST', '/services/oauth2/token', (req) => {
    const p = (typeof req.body === 'object' && req.body ? req.body : {}) as Record<string, string>;
    if (p.client_id !== ctx.clientId) return oauthError('invalid_client_id', 'client identifier invalid');
    if (p.client_secret !== undefined && p.client_secret !== ctx.clientSecret) {
      return oauthError('invalid_client', 'invalid client credentials');
    }
    if (p.grant_type === 'authorization_code') return authorizationCodeGrant(ctx, p);
    if (p.grant_type === 'refresh_token') return refreshTokenGrant(ctx, p);
    return oauthError('unsupported_grant_type', 'grant type not supported');
  });

  // jsforce reads a failed revoke body as a query string, not JSON (A2.5).
  const revoke = (req: SandboxRequest) => {
    const body = (typeof req.body === 'object' && req.body ? req.body : {}) as Record<string, string>;
    const token = body.token ?? req.query.get('token') ?? '';
    if (ctx.sessions.revoke(token)) return text(200, '');
    return text(400, 'error=invalid_token&error_description=invalid%20token', 'application/x-www-form-urlencoded');
  };
  router.on('POST', '/services/oauth2/revoke', revoke);
  router.on('GET', '/services/oauth2/revoke', revoke);

  router.on('GET', '/services/oauth2/userinfo', (req) => {
    const session = sessionOf(req);
    const user = ctx.store.getUser(session.userId);
    return json(200, {
      sub: identityUrl(ctx, session.userId),
      user_id: session.userId,
      organization_id: ctx.orgId,
      preferred_username: user?.Username,
      nickname: user?.FirstName,
      name: user?.Name,
      email: user?.Email,
      email_verified: true,
      given_name: user?.FirstName,
      family_name: user?.LastName,
      zoneinfo: 'Europe/Stockholm',
      active: user?.IsActive ?? false,
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_US',
    });
  });
}
