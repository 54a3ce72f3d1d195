/**
 * Authentication for API routes: a Bearer token (or `oauth_token` on the identity URL, as jsforce sends it)
 * that is unknown, revoked or expired gets 401 INVALID_SESSION_ID, the answer jsforce refreshes on (A2.4).
 */
import type { BeforeHook, SandboxRequest } from '../http/router.js';
import type { SessionRegistry } from './auth.js';
import { sfError } from './errors.js';
import { isRestApi } from './limits.js';

const needsSession = (req: SandboxRequest) =>
  isRestApi(req) || req.path.startsWith('/id/') || req.path === '/services/oauth2/userinfo';

function tokenOf(req: SandboxRequest): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header) : null;
  return match?.[1] ?? (req.path.startsWith('/id/') ? (req.query.get('oauth_token') ?? undefined) : undefined);
}

export function sessionHook(sessions: SessionRegistry): BeforeHook {
  return (req) => {
    if (!needsSession(req)) return undefined;
    const token = tokenOf(req);
    const session = token ? sessions.verify(token) : undefined;
    if (!session) return sfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    req.locals.session = session;
    return undefined;
  };
}
