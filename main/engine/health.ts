/** R9.4 sync health: failures per category with the records behind them, API use against allocation. */
import type { Database } from 'better-sqlite3';
import type { HealthView } from '../../shared/contract/index.js';
import type { HubSpotUsage, SalesforceUsage } from '../connectors/types.js';
import { retryEntries } from './execute/retry-queue.js';
import { countUnresolvedHolds } from './holds/queue.js';

export function healthView(
  db: Database,
  usage: { salesforce: SalesforceUsage | null; hubspot: HubSpotUsage | null },
  lastRun: { summary: NonNullable<HealthView['lastRun']>; outcome: NonNullable<HealthView['lastRunOutcome']> } | null,
): HealthView {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const byCategory = db
    .prepare('SELECT error_category AS category, COUNT(*) AS n FROM retry_queue GROUP BY error_category')
    .all() as { category: string; n: number }[];
  const sf = usage.salesforce;
  const hs = usage.hubspot;
  return {
    errorsByCategory: Object.fromEntries(byCategory.map((r) => [r.category, r.n])),
    retries: retryEntries(db),
    // R6.4 every hold still waiting for a person, across runs (a later sync does not make one go away).
    holds: countUnresolvedHolds(db),
    links: count('SELECT COUNT(*) FROM links'),
    accounts: count('SELECT COUNT(*) FROM sf_accounts WHERE is_deleted = 0'),
    companies: count('SELECT COUNT(*) FROM hs_companies WHERE archived = 0'),
    api: {
      salesforce: sf
        ? { orgUsed: sf.orgUsed, orgMax: sf.orgMax, consoleCalls: sf.consoleCalls, allocation: sf.allocation }
        : null,
      hubspot: hs
        ? {
            intervalMax: hs.intervalMax,
            intervalRemaining: hs.intervalRemaining,
            dailyMax: hs.dailyMax,
            dailyRemaining: hs.dailyRemaining,
            calls: hs.calls,
            rateLimited: hs.rateLimited,
          }
        : null,
    },
    lastRun: lastRun?.summary ?? null,
    lastRunOutcome: lastRun?.outcome ?? null,
  };
}
