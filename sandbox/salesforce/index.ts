/**
 * The Salesforce emulator: one loopback origin serving OAuth, REST (query, sObjects, collections, describe,
 * replication), Bulk API 2.0 query and the identity URL, at the root because jsforce builds Bulk 2.0 URLs from the
 * origin (A1). Hooks run in the org's order: session (401) → daily allocation (403) → injected faults.
 */
import { FaultInjector } from '../faults/faults.js';
import { listen, Router } from '../http/router.js';
import { emptySalesforceData, type SalesforceData, type SfUser } from '../model.js';
import { SessionRegistry } from './auth.js';
import type { EmulatorContext } from './context.js';
import { notFound, sfError, unexpectedError } from './errors.js';
import { IdGenerator, KEY_PREFIX } from './ids.js';
import { ApiUsage, dailyLimitHook, isRestApi, limitInfoHook } from './limits.js';
import { authorizeRoutes } from './routes/authorize.js';
import { bulk2Routes } from './routes/bulk2.js';
import { bulk2IngestRoutes } from './routes/bulk2-ingest.js';
import { changeRoutes } from './routes/changes.js';
import { collectionRoutes } from './routes/collections.js';
import { describeRoutes } from './routes/describe.js';
import { identityRoutes } from './routes/identity.js';
import { queryRoutes } from './routes/query.js';
import { sobjectRoutes } from './routes/sobjects.js';
import { tokenRoutes } from './routes/token.js';
import { sessionHook } from './session-hook.js';
import { SalesforceStore } from './store.js';

export { to18 } from './ids.js';
export { SalesforceStore } from './store.js';

export interface SalesforceEmulatorOptions {
  port?: number;
  data?: SalesforceData;
  faults?: FaultInjector;
  /** DailyApiRequests Max; default 100000. */
  dailyApiLimit?: number;
  clientId?: string;
  clientSecret?: string;
  /** Default 7200 (the org's default session timeout of 2 hours). */
  accessTokenLifetimeSeconds?: number;
  /** Turns on the "Website must not contain spaces" validation rule. */
  validationRule?: boolean;
  now?: () => Date;
  /** Allowed OAuth callbacks; default: any loopback http URL. */
  redirectUris?: string[];
  /**
   * Bulk 2.0 rows per results page when the request names no maxRecords; default: all rows in one page, because
   * jsforce 3.10.16's bulk2.query cannot read a second page (see routes/bulk2.ts).
   */
  bulkResultPage?: number;
  /** An uploaded ingest job is processed by its second status poll or after this many ms; default 200. */
  bulkProcessAfterMs?: number;
}

export interface SalesforceEmulator {
  url: string;
  clientId: string;
  clientSecret: string;
  /** Pre-issued for scripts (integration user); not bound by accessTokenLifetimeSeconds. */
  accessToken: string;
  /** The pre-issued token's refresh token. */
  refreshToken: string;
  orgId: string;
  integrationUserId: string;
  store: SalesforceStore;
  faults: FaultInjector;
  setDailyLimit(max: number, used?: number): void;
  usage(): { used: number; max: number };
  close(): Promise<void>;
}

/** The integration user the sync runs as: one named so in the data, else the first active user, else a new one. */
function integrationUser(data: SalesforceData): { data: SalesforceData; userId: string } {
  const named = data.users.find((u) => /integration/i.test(`${u.Username} ${u.Name}`) && u.IsActive);
  const chosen = named ?? data.users.find((u) => u.IsActive);
  if (chosen) return { data, userId: chosen.Id };
  const id = new IdGenerator(KEY_PREFIX.User, (candidate) => data.users.some((u) => u.Id === candidate)).next();
  const user: SfUser = {
    Id: id,
    Username: 'integration@sfhs.example',
    Name: 'Integration User',
    FirstName: 'Integration',
    LastName: 'User',
    Email: 'integration@sfhs.example',
    IsActive: true,
  };
  return { data: { ...data, users: [...data.users, user] }, userId: id };
}

export async function startSalesforceEmulator(options: SalesforceEmulatorOptions = {}): Promise<SalesforceEmulator> {
  const now = options.now ?? (() => new Date());
  const faults = options.faults ?? new FaultInjector();
  const store = new SalesforceStore(now);
  const { data, userId } = integrationUser(options.data ?? emptySalesforceData());
  store.load(data);
  const orgId = new IdGenerator(KEY_PREFIX.Organization).next();
  const created = now().toISOString();
  store.setOrganization({
    Id: orgId,
    Name: 'SFHS Sandbox',
    OrganizationType: 'Developer Edition',
    IsSandbox: false,
    InstanceName: 'LOCAL',
    NamespacePrefix: null,
    TrialExpirationDate: null,
    LanguageLocaleKey: 'en_US',
    TimeZoneSidKey: 'GMT',
    DefaultLocaleSidKey: 'en_US',
    CreatedDate: created,
    SystemModstamp: created,
  });
  const usage = new ApiUsage(options.dailyApiLimit ?? 100_000);
  const sessions = new SessionRegistry(orgId, faults, now, (options.accessTokenLifetimeSeconds ?? 7200) * 1000);
  const router = new Router();
  const ctx: EmulatorContext = {
    url: '',
    orgId,
    integrationUserId: userId,
    clientId: options.clientId ?? '3MVG9sfhsEMULATOR.consumer.key',
    clientSecret: options.clientSecret ?? 'EMULATOR0SECRET0000000000000001',
    store,
    sessions,
    usage,
    faults,
    validation: { store, validationRule: options.validationRule ?? false },
    now,
  };

  router.notFound = () => notFound();
  router.failure = unexpectedError;
  router.before(sessionHook(sessions));
  router.before(dailyLimitHook(usage));
  // The injected rate limit is the org's concurrency limit: Salesforce answers 403 REQUEST_LIMIT_EXCEEDED (not
  // 429) with "ConcurrentPerOrgLongTxn Limit exceeded." (docs.cloud-elements.com/home/9838da8, SF help 000389067).
  router.before(
    faults.hook(
      {
        rateLimited: () => sfError(403, 'REQUEST_LIMIT_EXCEEDED', 'ConcurrentPerOrgLongTxn Limit exceeded.'),
        serverError: () =>
          sfError(503, 'SERVER_UNAVAILABLE', 'Server temporarily unavailable, please try again later.'),
      },
      isRestApi,
    ),
  );
  router.after(limitInfoHook(usage));

  authorizeRoutes(router, ctx, { redirectUris: options.redirectUris ?? [] });
  tokenRoutes(router, ctx);
  identityRoutes(router, ctx);
  queryRoutes(router, ctx);
  describeRoutes(router, ctx);
  changeRoutes(router, ctx);
  sobjectRoutes(router, ctx);
  collectionRoutes(router, ctx);
  bulk2Routes(router, ctx, options.bulkResultPage);
  bulk2IngestRoutes(router, ctx, options.bulkProcessAfterMs);

  const running = await listen(router, options.port ?? 0);
  ctx.url = running.url;
  const preIssued = sessions.issue(userId, 'api refresh_token id', ctx.clientId, true);
  preIssued.longLived = true;

  return {
    url: running.url,
    clientId: ctx.clientId,
    clientSecret: ctx.clientSecret,
    accessToken: preIssued.accessToken,
    refreshToken: preIssued.refreshToken ?? '',
    orgId,
    integrationUserId: userId,
    store,
    faults,
    setDailyLimit(max, used) {
      usage.max = max;
      if (used !== undefined) usage.used = used;
    },
    usage: () => ({ used: usage.used, max: usage.max }),
    close: () => running.close(),
  };
}
