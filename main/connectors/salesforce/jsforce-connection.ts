/**
 * A jsforce Connection wired to the rate scheduler. jsforce has no public per-response hook that covers every
 * request (HttpApi's 'response' event is per call object, and Bulk API 2.0 builds its own), so the connection's
 * transport is replaced by one that (a) turns jsforce's own retry loop off — it retries GETs for ~15 s and ignores
 * Retry-After (stack-notes §4), and our scheduler is the one retry policy — and (b) counts every request and reads
 * `Sforce-Limit-Info` from every response for the R8.2 budget.
 */
import { Connection, type HttpRequest, type HttpRequestOptions, type HttpResponse } from 'jsforce';
import { Transport } from 'jsforce/lib/transport.js';
import type { StreamPromise } from 'jsforce';
import type { SalesforceBudget } from '../rate/salesforce-budget.js';

export const SALESFORCE_API_VERSION = '62.0';

export interface SalesforceCredentials {
  instanceUrl: string;
  accessToken: string;
  /** Called when the session expires (401); returns a new access token. Absent: a 401 is an AUTH error. */
  refreshAccessToken?: () => Promise<string>;
}

class BudgetedTransport extends Transport {
  constructor(private readonly budget: SalesforceBudget) {
    super();
  }

  override httpRequest(req: HttpRequest, options: HttpRequestOptions = {}): StreamPromise<HttpResponse> {
    this.budget.countCall();
    const pending = super.httpRequest(req, { ...options, retry: { ...options.retry, maxRetries: 0 } });
    // Observe only: the caller handles failures of `pending` itself.
    pending.then(
      (response) => this.budget.observeLimitInfo(response.headers['sforce-limit-info']),
      () => undefined,
    );
    return pending;
  }
}

export function createJsforceConnection(credentials: SalesforceCredentials, budget: SalesforceBudget): Connection {
  const { refreshAccessToken } = credentials;
  const conn = new Connection({
    instanceUrl: credentials.instanceUrl.replace(/\/+$/, ''),
    accessToken: credentials.accessToken,
    version: SALESFORCE_API_VERSION,
    ...(refreshAccessToken
      ? {
          refreshFn: (_conn, callback) => {
            refreshAccessToken().then(
              (token) => callback(null, token),
              (error: Error) => callback(error),
            );
          },
        }
      : {}),
  });
  conn._transport = new BudgetedTransport(budget);
  return conn;
}
