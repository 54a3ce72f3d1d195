/**
 * R8.2 The Salesforce API budget. The org's daily allocation is shared with everything else in the org, so the
 * console counts its own calls over a rolling 24 h (hourly buckets: bounded memory, close enough for a daily
 * budget) and reads the org's use from every response's `Sforce-Limit-Info: api-usage=N/M`. It refuses calls —
 * a retryable API_LIMIT, so the engine queues the work and nothing is lost — before the console exceeds its
 * allocation (setting `sfApiAllocation`, default 20 % of the org's daily maximum) or the org reaches 90 % of its
 * limit.
 */
import { limitError } from '../remote-error.js';
import type { SalesforceUsage } from '../types.js';
import type { Clock } from './clock.js';

export const DEFAULT_ALLOCATION_SHARE = 0.2;
export const ORG_CEILING_SHARE = 0.9;
const HOUR_MS = 3_600_000;

export function parseLimitInfo(header: string | undefined): { used: number; max: number } | null {
  const match = header ? /api-usage=(\d+)\/(\d+)/.exec(header) : null;
  return match ? { used: Number(match[1]), max: Number(match[2]) } : null;
}

export class SalesforceBudget {
  private orgUsed = 0;
  private orgMax = 0;
  /** Hour number (epoch hours) → calls this console made in that hour. */
  private readonly hours = new Map<number, number>();

  constructor(
    private readonly clock: Clock,
    /** The `sfApiAllocation` setting, read on every check so a change applies at once; null = the default share. */
    private readonly allocationSetting: () => number | null = () => null,
  ) {}

  observeLimitInfo(header: string | undefined): void {
    const info = parseLimitInfo(header);
    if (!info) return;
    this.orgUsed = info.used;
    this.orgMax = info.max;
  }

  /** One HTTP request sent by this console (every request counts against the org's daily limit). */
  countCall(): void {
    const hour = Math.floor(this.clock.now() / HOUR_MS);
    this.hours.set(hour, (this.hours.get(hour) ?? 0) + 1);
    for (const key of this.hours.keys()) if (key <= hour - 24) this.hours.delete(key);
  }

  consoleCalls(): number {
    const oldest = Math.floor(this.clock.now() / HOUR_MS) - 23;
    let total = 0;
    for (const [hour, calls] of this.hours) if (hour >= oldest) total += calls;
    return total;
  }

  allocation(): number | null {
    const setting = this.allocationSetting();
    if (setting !== null) return setting;
    return this.orgMax > 0 ? Math.floor(this.orgMax * DEFAULT_ALLOCATION_SHARE) : null;
  }

  /** Why the next call must wait, or null. Unknown limits (no response seen yet) never block. */
  refusal(): string | null {
    const allocation = this.allocation();
    const used = this.consoleCalls();
    if (allocation !== null && used >= allocation) {
      return `this console has used ${used} of the ${allocation} calls allocated to it per 24 h (setting "Allocated to this console", R8.2).`;
    }
    const ceiling = Math.floor(this.orgMax * ORG_CEILING_SHARE);
    if (this.orgMax > 0 && this.orgUsed >= ceiling) {
      return `the org has used ${this.orgUsed} of its ${this.orgMax} daily API calls; the console stops at 90 % (${ceiling}) so other integrations keep working (R8.2).`;
    }
    return null;
  }

  /** The scheduler's admission check: throws a retryable API_LIMIT before a call would overspend. */
  admit(): void {
    const reason = this.refusal();
    if (reason)
      throw limitError(
        'salesforce',
        `paused: ${reason} The work is queued and resumes when calls age out of the 24-hour window or the allocation is raised.`,
      );
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
