/**
 * Discovery resources: the versions list, resources by version (whose `identity` jsforce follows), the identity
 * URL `/id/{orgId}/{userId}` (A2.6) and `/limits` (A9).
 */
import { json, type Router } from '../../http/router.js';
import { type EmulatorContext, identityUrl, sessionOf } from '../context.js';
import { notFound, sfError } from '../errors.js';

const LATEST = 62;
const OLDEST = 31;

/** 62.0 is Winter '25; each older version steps back one release (Summer, Spring, Winter). */
function releaseLabel(version: number): string {
  const back = LATEST - version;
  const season = ['Winter', 'Summer', 'Spring'][back % 3] as string;
  return `${season} '${25 - Math.floor((back + 2) / 3)}`;
}

export function identityRoutes(router: Router, ctx: EmulatorContext): void {
  router.on('GET', '/services/data', () => {
    const versions = [];
    for (let v = OLDEST; v <= LATEST; v++)
      versions.push({ label: releaseLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
    return json(200, versions);
  });

  router.on('GET', '/services/data/:v', (req) => {
    const base = `/services/data/${req.params.v}`;
    const resources = ['sobjects', 'query', 'queryAll', 'limits', 'composite', 'jobs'];
    return json(200, {
      ...Object.fromEntries(resources.map((r) => [r, `${base}/${r}`])),
      identity: identityUrl(ctx, sessionOf(req).userId),
    });
  });

  router.on('GET', '/services/data/:v/limits', () => {
    const { max, used } = ctx.usage;
    const unlimited = (n: number) => ({ Max: n, Remaining: n });
    const counted = (n: number, usedOf: number) => ({ Max: n, Remaining: Math.max(0, n - usedOf) });
    return json(200, {
      ConcurrentAsyncGetReportInstances: unlimited(200),
      ConcurrentSyncReportRuns: unlimited(20),
      DailyApiRequests: { Max: max, Remaining: Math.max(0, max - used) },
      DailyAsyncApexExecutions: unlimited(250000),
      DailyBulkApiBatches: counted(15000, ctx.usage.bulkBatches),
      DailyBulkV2QueryFileStorageMB: unlimited(976562),
      DailyBulkV2QueryJobs: counted(10000, ctx.usage.bulkQueryJobs),
    });
  });

  router.on('GET', '/id/:org/:user', (req) => {
    const user = ctx.store.getUser(req.params.user ?? '');
    if (req.params.org !== ctx.orgId || !user) return notFound();
    if (sessionOf(req).userId !== user.Id) return sfError(403, 'FORBIDDEN', 'Bad_Id');
    const rest = `${ctx.url}/services/data/v{version}`;
    return json(200, {
      id: identityUrl(ctx, user.Id),
      asserted_user: true,
      user_id: user.Id,
      organization_id: ctx.orgId,
      username: user.Username,
      nick_name: user.FirstName,
      display_name: user.Name,
      email: user.Email,
      email_verified: true,
      first_name: user.FirstName,
      last_name: user.LastName,
      timezone: 'Europe/Stockholm',
      active: user.IsActive,
      photos: { picture: `${ctx.url}/profilephoto/005/F`, thumbnail: `${ctx.url}/profilephoto/005/T` },
      urls: {
        enterprise: `${ctx.url}/services/Soap/c/{version}/${ctx.orgId}`,
        metadata: `${ctx.url}/services/Soap/m/{version}/${ctx.orgId}`,
        partner: `${ctx.url}/services/Soap/u/{version}/${ctx.orgId}`,
        rest: `${rest}/`,
        sobjects: `${rest}/sobjects/`,
        search: `${rest}/search/`,
        query: `${rest}/query/`,
        profile: `${ctx.url}/${user.Id}`,
      },
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_US',
      utcOffset: 3600000,
    });
  });
}
