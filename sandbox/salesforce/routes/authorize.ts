/**
 * The OAuth 2.0 authorize step (A2.1): an approve page with Approve/Deny buttons, whose form posts back here and
 * redirects to `redirect_uri` with `code` (or `error=access_denied`) and `state`. The client id and redirect URI
 * are checked before anything is redirected, so a bad client never gets a redirect (RFC 6749 §4.1.2.1).
 */
import { redirect, type Router, type SandboxRequest, type SandboxResponse, text } from '../../http/router.js';
import type { EmulatorContext } from '../context.js';

export interface AuthorizeOptions {
  /** Allowed callback URLs; when empty any loopback http URL is allowed (desktop apps use a random port). */
  redirectUris: string[];
}

type Params = Record<string, string>;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function errorPage(status: number, error: string, description: string): SandboxResponse {
  const body = `<!doctype html><html><head><title>Error</title></head><body><h1>${escapeHtml(error)}</h1><p>${escapeHtml(description)}</p></body></html>`;
  return text(status, body, 'text/html;charset=UTF-8');
}

function redirectTo(uri: string, params: Params): SandboxResponse {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v) url.searchParams.set(k, v);
  return redirect(url.toString());
}

function redirectAllowed(uri: string, options: AuthorizeOptions): boolean {
  if (options.redirectUris.length > 0) return options.redirectUris.includes(uri);
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false; // not a URL at all: treated as a mismatch
  }
}

/** The checks shared by the page and the form post; returns an error page or undefined when the client is fine. */
function checkClient(ctx: EmulatorContext, options: AuthorizeOptions, p: Params): SandboxResponse | undefined {
  if (p.client_id !== ctx.clientId) return errorPage(400, 'invalid_client_id', 'client identifier invalid');
  if (!p.redirect_uri || !redirectAllowed(p.redirect_uri, options)) {
    return errorPage(400, 'redirect_uri_mismatch', 'redirect_uri must match configuration');
  }
  return undefined;
}

function approvePage(ctx: EmulatorContext, p: Params): SandboxResponse {
  const user = ctx.store.users().find((u) => u.Username === p.login_hint) ?? ctx.store.getUser(ctx.integrationUserId);
  const hidden = {
    client_id: p.client_id,
    redirect_uri: p.redirect_uri,
    state: p.state,
    scope: p.scope,
    code_challenge: p.code_challenge,
    user_id: user?.Id,
  };
  const inputs = Object.entries(hidden)
    .filter(([, v]) => v)
    .map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v as string)}">`)
    .join('\n      ');
  const html = `<!doctype html>
<html><head><title>Allow Access?</title></head>
<body>
  <h1>Allow Access?</h1>
  <p>The app is asking to access your Salesforce data as <strong>${escapeHtml(user?.Username ?? 'unknown user')}</strong> (scope: ${escapeHtml(p.scope ?? 'default')}).</p>
  <form method="post" action="/services/oauth2/authorize">
      ${inputs}
    <button type="submit" name="decision" value="approve" id="oaapprove">Allow</button>
    <button type="submit" name="decision" value="deny" id="oadeny">Deny</button>
  </form>
</body></html>`;
  return text(200, html, 'text/html;charset=UTF-8');
}

export function authorizeRoutes(router: Router, ctx: EmulatorContext, options: AuthorizeOptions): void {
  router.on('GET', '/services/oauth2/authorize', (req: SandboxRequest) => {
    const p = Object.fromEntries(req.query) as Params;
    const bad = checkClient(ctx, options, p);
    if (bad) return bad;
    if (p.response_type !== 'code') {
      return redirectTo(p.redirect_uri as string, {
        error: 'unsupported_response_type',
        error_description: 'response type not supported',
        state: p.state ?? '',
      });
    }
    return approvePage(ctx, p);
  });

  router.on('POST', '/services/oauth2/authorize', (req) => {
    const p = (typeof req.body === 'object' && req.body ? req.body : {}) as Params;
    const bad = checkClient(ctx, options, p);
    if (bad) return bad;
    const uri = p.redirect_uri as string;
    if (p.decision !== 'approve') {
      return redirectTo(uri, {
        error: 'access_denied',
        error_description: 'end-user denied authorization',
        state: p.state ?? '',
      });
    }
    const user = ctx.store.getUser(p.user_id ?? '') ?? ctx.store.getUser(ctx.integrationUserId);
    const code = ctx.sessions.createCode({
      clientId: ctx.clientId,
      redirectUri: uri,
      userId: user?.Id ?? ctx.integrationUserId,
      scope: p.scope ?? 'api refresh_token id',
      ...(p.code_challenge ? { codeChallenge: p.code_challenge } : {}),
    });
    return redirectTo(uri, { code, state: p.state ?? '' });
  });
}
