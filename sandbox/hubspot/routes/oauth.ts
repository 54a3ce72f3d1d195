/**
 * HubSpot OAuth v1 (wire-formats B2): the authorize page (a real HTML form with Approve / Deny, so a browser
 * or a test can submit it), the token endpoint (form-encoded, authorization_code and refresh_token grants),
 * and access-/refresh-token info. These are not API calls: no auth, rate limits or faults apply.
 */
import { randomUUID } from 'node:crypto';
import type { Router, SandboxRequest, SandboxResponse } from '../../http/router.js';
import { redirect, text } from '../../http/router.js';
import type { ApiContext } from '../api.js';
import { hsError, hsJson } from '../errors.js';
import { ACCESS_TOKEN_SECONDS, KNOWN_SCOPES } from '../tokens.js';

/**
 * Token errors as observed from HubSpot: HTTP 400 with `status` holding the reason (BAD_REFRESH_TOKEN,
 * "missing or unknown refresh token"; HGData/mk-node-hubspot#64). Other reason names follow the same pattern.
 */
const tokenError = (status: string, message: string): SandboxResponse =>
  hsJson(400, { status, message, correlationId: randomUUID() });

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const page = (status: number, title: string, inner: string): SandboxResponse => ({
  ...text(
    status,
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${inner}</body></html>`,
    'text/html;charset=utf-8',
  ),
});

const splitScopes = (raw: string | undefined): string[] => (raw ?? '').split(/[\s+,]+/).filter(Boolean);

interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  optionalScopes: string[];
  state: string | undefined;
}

function authorizeParams(ctx: ApiContext, get: (k: string) => string | undefined): AuthorizeParams | string {
  const clientId = get('client_id') ?? '';
  const redirectUri = get('redirect_uri') ?? '';
  if (clientId !== ctx.clientId) return `Unknown client_id "${clientId}".`;
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return `redirect_uri "${redirectUri}" is not a valid URL.`;
  }
  const allowed =
    ctx.redirectUris.length > 0
      ? ctx.redirectUris.includes(redirectUri)
      : ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && /^https?:$/.test(url.protocol);
  if (!allowed) return `redirect_uri "${redirectUri}" is not registered for this app.`;
  const scopes = splitScopes(get('scope'));
  if (scopes.length === 0) return 'The scope parameter is required.';
  const unknown = scopes.filter((s) => !KNOWN_SCOPES.has(s));
  if (unknown.length > 0) return `Unknown scopes: ${unknown.join(', ')}.`;
  const optionalScopes = splitScopes(get('optional_scope')).filter((s) => KNOWN_SCOPES.has(s));
  return { clientId, redirectUri, scopes, optionalScopes, state: get('state') };
}

function approvePage(p: AuthorizeParams): SandboxResponse {
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  const form = [
    '<h1>Connect to the HubSpot sandbox</h1>',
    `<p>The app asks for: ${escapeHtml([...p.scopes, ...p.optionalScopes].join(', '))}</p>`,
    '<form method="POST" action="/oauth/authorize">',
    hidden('client_id', p.clientId),
    hidden('redirect_uri', p.redirectUri),
    hidden('scope', p.scopes.join(' ')),
    hidden('optional_scope', p.optionalScopes.join(' ')),
    p.state === undefined ? '' : hidden('state', p.state),
    '<button type="submit" name="decision" value="approve" id="approve">Approve</button>',
    '<button type="submit" name="decision" value="deny" id="deny">Deny</button>',
    '</form>',
  ].join('\n');
  return page(200, 'Authorize app', form);
}

function withQuery(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

const formField =
  (req: SandboxRequest) =>
  (k: string): string | undefined => {
    const b = req.body as Record<string, unknown> | undefined;
    const v = b?.[k];
    return typeof v === 'string' ? v : undefined;
  };

export function oauthRoutes(router: Router, ctx: ApiContext): void {
  const { tokens } = ctx;

  router.on('GET', '/oauth/authorize', (req) => {
    const p = authorizeParams(ctx, (k) => req.query.get(k) ?? undefined);
    if (typeof p === 'string')
      return page(400, 'Authorization error', `<h1>Authorization error</h1><p>${escapeHtml(p)}</p>`);
    return approvePage(p);
  });

  router.on('POST', '/oauth/authorize', (req) => {
    const get = formField(req);
    const p = authorizeParams(ctx, get);
    if (typeof p === 'string')
      return page(400, 'Authorization error', `<h1>Authorization error</h1><p>${escapeHtml(p)}</p>`);
    if (get('decision') !== 'approve')
      return redirect(withQuery(p.redirectUri, { error: 'access_denied', state: p.state }));
    const code = tokens.issueCode(p.clientId, p.redirectUri, [...p.scopes, ...p.optionalScopes]);
    return redirect(withQuery(p.redirectUri, { code, state: p.state }));
  });

  router.on('POST', '/oauth/v1/token', (req) => {
    const get = formField(req);
    if (get('client_id') !== ctx.clientId) return tokenError('BAD_CLIENT_ID', 'missing or unknown client id');
    if (get('client_secret') !== ctx.clientSecret)
      return tokenError('BAD_CLIENT_SECRET', 'missing or invalid client secret');
    const grant = get('grant_type');
    let scopes: string[];
    let refreshToken: string | undefined;
    if (grant === 'authorization_code') {
      const redeemed = tokens.redeemCode(get('code') ?? '', ctx.clientId, get('redirect_uri') ?? '');
      if (redeemed === 'BAD_AUTH_CODE') return tokenError('BAD_AUTH_CODE', 'missing or unknown auth code');
      if (redeemed === 'BAD_REDIRECT_URI')
        return tokenError('BAD_REDIRECT_URI', 'redirect_uri does not match initial auth code URI');
      scopes = redeemed.scopes;
    } else if (grant === 'refresh_token') {
      const refresh = tokens.getRefresh(get('refresh_token') ?? '');
      if (!refresh || refresh.clientId !== ctx.clientId)
        return tokenError('BAD_REFRESH_TOKEN', 'missing or unknown refresh token');
      scopes = refresh.scopes;
      refreshToken = refresh.token;
    } else {
      return tokenError('BAD_GRANT_TYPE', `unsupported grant_type "${grant ?? ''}"`);
    }
    const pair = tokens.issueOAuthPair(ctx.clientId, scopes, refreshToken);
    return hsJson(200, {
      token_type: 'bearer',
      refresh_token: pair.refresh,
      access_token: pair.access.token,
      expires_in: ACCESS_TOKEN_SECONDS,
      token_use: 'access_token',
      hub_id: tokens.owner.hubId,
      user_id: tokens.owner.userId,
      scopes,
    });
  });

  router.on('GET', '/oauth/v1/access-tokens/:token', (req) => {
    const t = tokens.getAccess(req.params.token ?? '');
    if (!t || t.kind !== 'oauth') return hsError(404, 'OBJECT_NOT_FOUND', 'Access token not found');
    const o = tokens.owner;
    return hsJson(200, {
      token: t.token,
      user: o.user,
      hub_domain: o.hubDomain,
      scopes: t.scopes,
      hub_id: o.hubId,
      app_id: o.appId,
      expires_in: Math.max(0, tokens.secondsLeft(t) ?? 0),
      user_id: o.userId,
      token_type: 'access',
      is_private_distribution: false,
    });
  });

  router.on('GET', '/oauth/v1/refresh-tokens/:token', (req) => {
    const r = tokens.getRefresh(req.params.token ?? '');
    if (!r) return hsError(404, 'OBJECT_NOT_FOUND', 'Refresh token not found');
    const o = tokens.owner;
    return hsJson(200, {
      token: r.token,
      user: o.user,
      hub_domain: o.hubDomain,
      scopes: r.scopes,
      hub_id: o.hubId,
      client_id: r.clientId,
      user_id: o.userId,
      token_type: 'refresh',
    });
  });

  router.on('DELETE', '/oauth/v1/refresh-tokens/:token', (req) => {
    if (!tokens.deleteRefresh(req.params.token ?? ''))
      return hsError(404, 'OBJECT_NOT_FOUND', 'Refresh token not found');
    return { status: 204 };
  });
}
