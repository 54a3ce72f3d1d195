/**
 * The local HubSpot emulator: CRM v3 objects, batch, search, properties, associations v4, lists, owners and
 * OAuth v1 on its own loopback port, shaped as @hubspot/api-client 13.5.0 expects (wire-formats Part B).
 * Point the client at it with `new Client({ accessToken: emulator.accessToken, basePath: emulator.url })`.
 */
import { FaultInjector } from '../faults/faults.js';
import { listen, Router } from '../http/router.js';
import { emptyHubSpotData, type HubSpotData } from '../model.js';
import { type ApiContext, installApiHooks } from './api.js';
import { hsJson } from './errors.js';
import { type HubSpotLimits, RateLimiter, type TokenKind } from './rate-limit.js';
import { type AccountSettings, accountRoutes, DEFAULT_ACCOUNT } from './routes/account.js';
import { associationRoutes } from './routes/associations.js';
import { batchRoutes } from './routes/batch.js';
import { listRoutes } from './routes/lists.js';
import { oauthRoutes } from './routes/oauth.js';
import { objectRoutes } from './routes/objects.js';
import { ownerRoutes } from './routes/owners.js';
import { propertyRoutes } from './routes/properties.js';
import { searchRoutes } from './routes/search.js';
import { HubSpotStore } from './store.js';
import { TokenRegistry } from './tokens.js';

export type { HubSpotLimits, TokenKind } from './rate-limit.js';
export { DEFAULT_LIMITS } from './rate-limit.js';
export { HubSpotStore } from './store.js';
export type { ObjectType } from './properties.js';
export type { AccountSettings } from './routes/account.js';

export interface HubSpotEmulatorOptions {
  port?: number;
  data?: HubSpotData;
  faults?: FaultInjector;
  limits?: { oauth?: Partial<HubSpotLimits>; privateApp?: Partial<HubSpotLimits> };
  clientId?: string;
  clientSecret?: string;
  portalId?: number;
  /** What `GET /account-info/v3/details` reports besides the portal id. */
  account?: Partial<AccountSettings>;
  now?: () => Date;
  /** Redirect URIs the OAuth app registered; default: any loopback http(s) URI. */
  redirectUris?: string[];
}

export interface HubSpotEmulator {
  url: string;
  clientId: string;
  clientSecret: string;
  /** Pre-issued private-app token (`pat-na1-…`), with private-app rate limits. */
  accessToken: string;
  portalId: number;
  store: HubSpotStore;
  faults: FaultInjector;
  setLimits(kind: 'oauth' | 'privateApp', limits: Partial<HubSpotLimits>): void;
  callCounts(): { total: number; rateLimited: number };
  /** Test helper: makes an OAuth access token expire now (the next API call gets 401 EXPIRED_AUTHENTICATION). */
  expireAccessToken(token: string): void;
  close(): Promise<void>;
}

const APP_ID = 1_234_567;

/** The emulator without a socket: its router (for in-process benchmarks) and everything it serves from. */
export interface HubSpotApp {
  router: Router;
  ctx: ApiContext;
  counts: { total: number; rateLimited: number };
  portalId: number;
  /** Pre-issued private-app token. */
  accessToken: string;
}

export function createHubSpotApp(options: HubSpotEmulatorOptions = {}): HubSpotApp {
  const now = options.now ?? (() => new Date());
  const faults = options.faults ?? new FaultInjector();
  const portalId = options.portalId ?? 62_515;
  const store = new HubSpotStore(options.data ?? emptyHubSpotData(), now);
  const tokens = new TokenRegistry(
    {
      hubId: portalId,
      appId: APP_ID,
      userId: 123,
      user: 'sandbox-admin@example.com',
      hubDomain: `sandbox-${portalId}.hubspot.local`,
    },
    now,
    () => faults.calls,
  );
  const ctx: ApiContext = {
    store,
    tokens,
    limiter: new RateLimiter(options.limits ?? {}, now),
    faults,
    now,
    clientId: options.clientId ?? 'sandbox-hubspot-client-id',
    clientSecret: options.clientSecret ?? 'sandbox-hubspot-client-secret',
    redirectUris: options.redirectUris ?? [],
  };
  const counts = { total: 0, rateLimited: 0 };
  const router = new Router();
  // HubSpot's 500: the standard error body, its correlationId naming the failure in the operator's log.
  router.failure = (_error, errorId) =>
    hsJson(500, { status: 'error', message: 'internal error', correlationId: errorId, category: 'INTERNAL_ERROR' });
  installApiHooks(router, ctx, counts);
  oauthRoutes(router, ctx);
  // Batch and search before the generic object routes: fewer pattern checks on the hot batch path.
  batchRoutes(router, ctx);
  searchRoutes(router, ctx);
  objectRoutes(router, ctx);
  propertyRoutes(router, ctx);
  associationRoutes(router, ctx);
  listRoutes(router, ctx);
  ownerRoutes(router, ctx);
  accountRoutes(router, ctx, { ...DEFAULT_ACCOUNT, ...options.account });
  return { router, ctx, counts, portalId, accessToken: tokens.issuePrivateApp() };
}

export async function startHubSpotEmulator(options: HubSpotEmulatorOptions = {}): Promise<HubSpotEmulator> {
  const app = createHubSpotApp(options);
  const { ctx, counts } = app;
  const server = await listen(app.router, options.port ?? 0);
  return {
    url: server.url,
    clientId: ctx.clientId,
    clientSecret: ctx.clientSecret,
    accessToken: app.accessToken,
    portalId: app.portalId,
    store: ctx.store,
    faults: ctx.faults,
    setLimits: (kind: TokenKind, limits: Partial<HubSpotLimits>) => ctx.limiter.set(kind, limits),
    callCounts: () => ({ ...counts }),
    expireAccessToken: (token: string) => ctx.tokens.expire(token),
    close: () => server.close(),
  };
}
