/**
 * Whatever a client library throws → a RemoteError with an R9.2 category. The sorting itself is the rules'
 * `categorize` (one mapping for the whole product); this module only adds the system, the HTTP status and
 * whether the engine should try again later.
 */
import { categorize } from '../engine/rules/errors.js';
import { RemoteError } from './types.js';

export type SystemId = RemoteError['system'];

export const systemLabel: Readonly<Record<SystemId, string>> = { salesforce: 'Salesforce', hubspot: 'HubSpot' };

/** HTTP status carried by the error: @hubspot/api-client's `code`, or jsforce's `ERROR_HTTP_<status>` code. */
export function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, errorCode, status } = error as { code?: unknown; errorCode?: unknown; status?: unknown };
  if (typeof status === 'number') return status;
  if (typeof code === 'number' && code >= 100 && code <= 599) return code;
  const match = typeof errorCode === 'string' ? /^ERROR_HTTP_(\d{3})$/.exec(errorCode) : null;
  return match ? Number(match[1]) : undefined;
}

export function toRemoteError(system: SystemId, error: unknown): RemoteError {
  if (error instanceof RemoteError) return error;
  const status = httpStatusOf(error);
  // jsforce words 5xx answers as ERROR_HTTP_503 without a status field; hand categorize the status it reads.
  const subject =
    status !== undefined && typeof error === 'object' && error !== null ? { status, cause: error } : error;
  const sorted = categorize(subject);
  return new RemoteError(
    system,
    sorted.category,
    `${systemLabel[system]}: ${sorted.message}`,
    sorted.transient,
    status,
    sorted.code,
  );
}
