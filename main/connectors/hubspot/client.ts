/**
 * The @hubspot/api-client Client for one connection. Decisions (stack-notes §5):
 * - No `numberOfApiCallRetries` and no `limiterOptions`: the client's retry loop ignores Retry-After and treats
 *   most 429s as fatal, and our scheduler is the one retry and rate policy. With both unset the client installs no
 *   decorators, so the process-wide decorator singleton cannot leak one client's retry/limit settings into
 *   another: every Client in this process must keep both unset.
 * - One Client per connection, built once by the connection service and reused.
 * - No response middleware: 13.5.0's generated APIs drop the Client's configured middleware (they use only
 *   middleware passed on each call), so the connector reads the X-HubSpot-RateLimit-* headers from the
 *   `…WithHttpInfo` answers instead.
 */
import { Client } from '@hubspot/api-client';
import type { HubSpotAuthKind } from '../rate/hubspot-rate.js';

export interface HubSpotCredentials {
  /** e.g. https://api.hubapi.com, or the sandbox's loopback URL. */
  baseUrl: string;
  accessToken: string;
  kind: HubSpotAuthKind;
}

export const HUBSPOT_DEFAULT_BASE_URL = 'https://api.hubapi.com';

export function createHubSpotClient(credentials: HubSpotCredentials): Client {
  return new Client({
    accessToken: credentials.accessToken,
    // A trailing slash would produce `//crm/...` paths (stack-notes §5).
    basePath: credentials.baseUrl.replace(/\/+$/, ''),
  });
}
