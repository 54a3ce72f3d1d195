/**
 * What every route module gets, and the hooks that guard API routes: faults, then auth, then rate limits
 * (OAuth pages and token endpoints are not API calls: no faults, no auth, no limits).
 */
import type { FaultInjector } from '../faults/faults.js';
import type { Router, SandboxRequest, SandboxResponse } from '../http/router.js';
import { hsError, rateLimited } from './errors.js';
import type { RateLimiter, TokenKind } from './rate-limit.js';
import type { HubSpotStore } from './store.js';
import type { AccessToken, TokenRegistry } from './tokens.js';
import type { WriteSource } from './writes.js';

export interface ApiContext {
  store: HubSpotStore;
  tokens: TokenRegistry;
  limiter: RateLimiter;
  faults: FaultInjector;
  now: () => Date;
  clientId: string;
  clientSecret: string;
  /** Redirect URIs the app registered; empty = any loopback http(s) URI. */
  redirectUris: string[];
}

/** Calls that count as API calls (faults, auth, rate limits); OAuth pages and token endpoints do not. */
export const isApiRequest = (req: SandboxRequest): boolean =>
  req.path.startsWith('/crm/') || req.path.startsWith('/account-info/');
const isSearch = (req: SandboxRequest): boolean => req.method === 'POST' && req.path.endsWith('/search');

export const tokenOf = (req: SandboxRequest): AccessToken => req.locals.token as AccessToken;

/** API writes are stamped as integration writes of this app (propertiesWithHistory sourceType/sourceId). */
export const writeSource = (ctx: ApiContext): WriteSource => ({
  sourceType: 'INTEGRATION',
  sourceId: String(ctx.tokens.owner.appId),
});

/** 401 wording observed from HubSpot (wire-formats B7, 3P quotes). */
const missingCredentials = (): SandboxResponse =>
  hsError(
    401,
    'INVALID_AUTHENTICATION',
    'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
  );

export const expiredToken = (secondsAgo: number): SandboxResponse =>
  hsError(
    401,
    'EXPIRED_AUTHENTICATION',
    `The OAuth token used to make this call expired ${Math.max(0, secondsAgo)} second(s) ago.`,
  );

export function installApiHooks(router: Router, ctx: ApiContext, counts: { total: number; rateLimited: number }): void {
  router.before(
    ctx.faults.hook(
      {
        rateLimited: () => {
          const max = String(ctx.limiter.limits('privateApp').perTenSeconds ?? 0);
          return rateLimited('TEN_SECONDLY_ROLLING', 'sandbox:fault', {
            'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
            'X-HubSpot-RateLimit-Max': max,
            'X-HubSpot-RateLimit-Remaining': '0',
          });
        },
        // Alternate 502/503 so clients see both gateway answers HubSpot documents as "retry later".
        serverError: () =>
          ctx.faults.calls % 2 === 0
            ? hsError(502, 'BAD_GATEWAY', 'Bad Gateway')
            : hsError(503, 'SERVICE_UNAVAILABLE', 'Service Unavailable'),
      },
      isApiRequest,
    ),
  );
  router.before((req) => {
    if (!isApiRequest(req)) return undefined;
    const header = req.headers.authorization ?? '';
    const bearer = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const token = bearer ? ctx.tokens.getAccess(bearer) : undefined;
    if (!token) return missingCredentials();
    const left = ctx.tokens.secondsLeft(token);
    if (left !== null && left < 0) return expiredToken(-left);
    if (token.kind === 'oauth' && ctx.faults.tokenExpired(token.issuedAtCall)) return expiredToken(1);
    req.locals.token = token;
    return undefined;
  });
  router.before((req) => {
    if (!isApiRequest(req)) return undefined;
    const kind: TokenKind = tokenOf(req).kind;
    const decision = ctx.limiter.check(kind, isSearch(req));
    if (!decision.ok) return decision.response;
    req.locals.rateHeaders = decision.headers;
    return undefined;
  });
  router.after((req, res) => {
    if (!isApiRequest(req)) return;
    counts.total++;
    if (res.status === 429) counts.rateLimited++;
    const rate = req.locals.rateHeaders as Record<string, string> | undefined;
    if (rate) res.headers = { ...res.headers, ...rate };
  });
  router.notFound = (req) => hsError(404, 'OBJECT_NOT_FOUND', `No route for ${req.method} ${req.path}`);
}
