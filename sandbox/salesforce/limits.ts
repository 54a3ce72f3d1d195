/**
 * The org's daily API allocation (DailyApiRequests). Every call under /services/data/vXX.X counts; once the
 * allocation is spent the org answers 403 REQUEST_LIMIT_EXCEEDED, and every answer carries
 * `Sforce-Limit-Info: api-usage=N/M` (wire-formats A3).
 */
import type { AfterHook, BeforeHook, SandboxRequest } from '../http/router.js';
import { sfError } from './errors.js';

export class ApiUsage {
  /** DailyBulkApiBatches: Bulk API 2.0 ingest counts one per 10,000 records processed. */
  bulkBatches = 0;
  /** DailyBulkV2QueryJobs. */
  bulkQueryJobs = 0;

  constructor(
    public max: number,
    public used = 0,
  ) {}

  /** Counts a call; false when the allocation was already spent (the call is refused and not counted). */
  take(): boolean {
    if (this.used >= this.max) return false;
    this.used++;
    return true;
  }

  header(): string {
    return `api-usage=${this.used}/${this.max}`;
  }
}

/** REST API calls (not the versions list, OAuth pages or the identity URL). */
export const isRestApi = (req: SandboxRequest): boolean => /^\/services\/data\/v\d+\.\d+(\/|$)/.test(req.path);

export function dailyLimitHook(usage: ApiUsage): BeforeHook {
  return (req) => {
    if (!isRestApi(req) || usage.take()) return undefined;
    return sfError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
  };
}

export function limitInfoHook(usage: ApiUsage): AfterHook {
  return (req, res) => {
    if (!isRestApi(req) || res.status === 401) return;
    res.headers = { ...res.headers, 'Sforce-Limit-Info': usage.header() };
  };
}
