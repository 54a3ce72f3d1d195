import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handlers } from '../ipc/dispatch.js';
import { handleOperation } from './api.js';
import type { EventStreams } from './event-stream.js';
import { sendError, sendText } from './responses.js';
import { bearerToken, readCookie, secretsEqual, sessionCookie } from './secret.js';
import { serveStatic } from './static-files.js';

export interface RouterContext {
  handlers: Handlers;
  streams: EventStreams;
  staticDir: string;
  secret: string;
  /** Exactly `127.0.0.1:PORT`. */
  host: string;
  origin: string;
  cookieName: string;
}

const operationPath = /^\/api\/op\/([^/]+)$/;

/**
 * Order matters: the Host check comes first (a DNS-rebinding page reaches us under its own host name and must learn
 * nothing, not even whether it would need a secret), then the secret, then the route.
 */
/** How many Host fields the request carried: Node keeps only the first in `headers`, `rawHeaders` has them all. */
function hostFieldCount(req: IncomingMessage): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]?.toLowerCase() === 'host') count++;
  return count;
}

export async function routeRequest(ctx: RouterContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // RFC 9112 §3.2: a request with more than one Host field is answered 400 (a proxy may have read the other one).
  if (hostFieldCount(req) > 1) {
    sendText(res, 400, 'Bad request: more than one Host header.');
    return;
  }
  if (req.headers.host !== ctx.host) {
    sendText(res, 403, `This server answers only to ${ctx.host}.`);
    return;
  }
  const url = new URL(req.url ?? '/', ctx.origin);
  const isApi = url.pathname.startsWith('/api/');
  const viaCookie = secretsEqual(readCookie(req.headers.cookie, ctx.cookieName), ctx.secret);
  const viaBearer = secretsEqual(bearerToken(req.headers.authorization), ctx.secret);
  // The secret in the address is accepted only where a person lands with the printed link, i.e. a page load.
  const viaLink = !isApi && secretsEqual(url.searchParams.get('secret'), ctx.secret);
  if (!viaCookie && !viaBearer && !viaLink) {
    const help = `Open the link "sfhs ui" printed (${ctx.origin}/?secret=…); it carries this launch's secret.`;
    if (isApi) sendError(res, 401, 'FORBIDDEN', `Not authorised. ${help}`);
    else sendText(res, 401, `Not authorised. ${help}`);
    return;
  }
  // A cross-site page cannot forge Origin; browsers send it on every POST, so a foreign one is refused outright.
  if (req.method === 'POST' && req.headers.origin !== undefined && req.headers.origin !== ctx.origin) {
    sendError(res, 403, 'FORBIDDEN', 'Cross-origin calls are not allowed.');
    return;
  }
  const op = operationPath.exec(url.pathname);
  if (op?.[1] !== undefined) {
    // Not decoded: operation names are plain identifiers, so an encoded one simply is not found.
    await handleOperation(req, res, op[1], ctx.handlers);
  } else if (url.pathname === '/api/events') {
    if (req.method !== 'GET') sendError(res, 405, 'VALIDATION', 'Subscribe with GET.', { Allow: 'GET' });
    else ctx.streams.accept(req, res);
  } else if (isApi) {
    sendError(res, 404, 'NOT_FOUND', `No API route ${url.pathname}.`);
  } else {
    const cookie: Record<string, string> =
      viaLink && !viaCookie ? { 'Set-Cookie': sessionCookie(ctx.cookieName, ctx.secret) } : {};
    await serveStatic(req, res, ctx.staticDir, url.pathname, cookie);
  }
}
