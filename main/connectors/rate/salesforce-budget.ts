/**
 * R8.2 The Salesforce API budget. The org's daily allocation is shared with everything else in the org, so the
 * console counts its own calls over a rolling 24 h (hourly buckets: bounded memory, close enough for a daily
 * budget) and reads the org's use from every response's `Sforce-Limit-Info: api-usage=N/M`. It refuses calls —
 * a retryable API_LIMIT, so the engine queues the work and nothing is lost — before the console exceeds its
 * allocation (setting `sfApiAllocation`, default 20 % of the org's daily maximum) or the org reaches 90 % of its
 * limit. The refusal says when calls are admitted again: the hour the oldest calls leave the window, or — for the
 * org's ceiling, whose window Salesforce does not disclose — an hour later, when one call asks again.
 */
import type { SalesforceUsage } from '../types.js';
import type { Clock } from './clock.js';
import { QuotaError } from './quota.js';
import { MemoryUsageStore, type UsageStore } from './usage-store.js';

export const DEFAULT_ALLOCATION_SHARE = 0.2;
export const ORG_CEILING_SHARE = 0.9;
const HOUR_MS = 3_600_000;
/** Decision: at the org's ceiling, one call asks Salesforce again after an hour (its answer updates the org's use). */
export const ORG_RECHECK_MS = HOUR_MS;

export function parseLimitInfo(header: string | undefined): { used: number; max: number } | null {
  const match = header ? /api-usage=(\d+)\/(\d+)/.exec(header) : null;
  return match ? { used: Number(match[1]), max: Number(match[2]) } : null;
}

export class SalesforceBudget {
  private orgUsed = 0;
  private orgMax = 0;
  /** Set when the org's ceiling refused a call: after this time one call is let through to learn the org's use. */
  private orgRecheckAt: number | null = null;

  constructor(
    private readonly clock: Clock,
    /** The `sfApiAllocation` setting, read on every check so a change applies at once; null = the default share. */
    private readonly allocationSetting: () => number | null = () => null,
    /** Calls per hour (epoch hours): the data folder's database, so every process counts the same calls. */
    private readonly store: UsageStore = new MemoryUsageStore(),
  ) {}

  private hour(): number {
    return Math.floor(this.clock.now() / HOUR_MS);
  }

  /** Hour → calls within the rolling 24 h. */
  private window(): Map<number, number> {
    return this.store.since(this.hour() - 23);
  }

  observeLimitInfo(header: string | undefined): void {
    const info = parseLimitInfo(header);
    if (!info) return;
    this.orgUsed = info.used;
    this.orgMax = info.max;
    this.orgRecheckAt = null;
  }

  /** One HTTP request sent by this console (every request counts against the org's daily limit). */
  countCall(): void {
    this.store.add(this.hour(), 1);
  }

  consoleCalls(): number {
    let total = 0;
    for (const calls of this.window().values()) total += calls;
    return total;
  }

  /** When enough of this console's calls have left the 24 h window for the next one to fit the allocation. */
  private allocationFreesAt(allocation: number): number {
    const window = [...this.window()].sort(([a], [b]) => a - b);
    let used = window.reduce((sum, [, calls]) => sum + calls, 0);
    for (const [hour, calls] of window) {
      used -= calls;
      if (used < allocation) return (hour + 24) * HOUR_MS;
    }
    return this.clock.now();
  }

  allocation(): number | null {
    const setting = this.allocationSetting();
    if (setting !== null) return setting;
    return this.orgMax > 0 ? Math.floor(this.orgMax * DEFAULT_ALLOCATION_SHARE) : null;
  }

  /** Why the next call must wait and until when, or null. Unknown limits (no response seen yet) never block. */
  private refusalWithTime(): { reason: string; resumeAt: number } | null {
    const allocation = this.allocation();
    const used = this.consoleCalls();
    if (allocation !== null && used >= allocation) {
      return {
        reason: `this console has used ${used} of the ${allocation} calls allocated to it per 24 h (setting "sfApiAllocation").`,
        resumeAt: this.allocationFreesAt(allocation),
      };
    }
    const ceiling = Math.floor(this.orgMax * ORG_CEILING_SHARE);
    const now = this.clock.now();
    if (this.orgMax > 0 && this.orgUsed >= ceiling && (this.orgRecheckAt === null || now < this.orgRecheckAt)) {
      this.orgRecheckAt ??= now + ORG_RECHECK_MS;
      return {
        reason: `the org has used ${this.orgUsed} of its ${this.orgMax} daily API calls; the console stops at 90 % (${ceiling}) so other integrations keep working.`,
        resumeAt: this.orgRecheckAt,
      };
    }
    return null;
  }

  refusal(): string | null {
    return this.refusalWithTime()?.reason ?? null;
  }

  /** The scheduler's admission check: throws a retryable QuotaError (API_LIMIT) before a call would overspend. */
  admit(): void {
    const refused = this.refusalWithTime();
    if (refused) throw new QuotaError('salesforce', refused.reason, new Date(refused.resumeAt).toISOString());
  }

  usage(): SalesforceUsage {
    return {
      orgUsed: this.orgUsed,
      orgMax: this.orgMax,
      consoleCalls: this.consoleCalls(),
      allocation: this.allocation(),
      pausedReason: this.refusal(),
    };
  }
}
