/** Small helpers the route modules share: object-type parameters, limits, batch envelopes. */
import type { SandboxRequest, SandboxResponse } from '../../http/router.js';
import { type StandardError, hsJson, standardError, validationError } from '../errors.js';
import { type ObjectType, parseObjectType } from '../properties.js';

/** HubSpot answers an unknown object type with this message (wording not confirmed). */
export function objectTypeParam(req: SandboxRequest, name = 'objectType'): ObjectType | SandboxResponse {
  const type = parseObjectType(req.params[name]);
  return type ?? validationError(`Unable to infer object type from: ${req.params[name] ?? ''}`);
}

export const isResponse = (v: unknown): v is SandboxResponse =>
  typeof v === 'object' && v !== null && 'status' in v && typeof (v as { status: unknown }).status === 'number';

/** Parses `limit`; undefined → default; outside 1..max → a 400 in HubSpot's validation shape. */
export function limitParam(raw: unknown, fallback: number, max: number): number | SandboxResponse {
  if (raw === undefined || raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    return validationError(`limit must be between 1 and ${max}; got ${String(raw)}`, {
      errors: [{ message: `must be less than or equal to ${max}`, in: 'limit' }],
    });
  }
  return n;
}

export const body = (req: SandboxRequest): Record<string, unknown> =>
  typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body)
    ? (req.body as Record<string, unknown>)
    : {};

/** HubSpot batch endpoints take at most 100 inputs (contacts guide #limits, wire-formats B3). */
export const BATCH_LIMIT = 100;

export function batchInputs(req: SandboxRequest, max = BATCH_LIMIT): unknown[] | SandboxResponse {
  const inputs = body(req).inputs;
  if (!Array.isArray(inputs)) return validationError('Invalid input JSON: "inputs" must be an array.');
  if (inputs.length > max) {
    // Wording modelled on HubSpot's observed property-history variant ("The maximum number of inputs supported
    // in a batch request for property histories is 50. ...", activepieces/activepieces#9359).
    return validationError(
      `The maximum number of inputs supported in a batch request is ${max}. Please reduce the number of items and try again`,
      { context: { maxInputs: [String(max)], inputs: [String(inputs.length)] } },
    );
  }
  return inputs;
}

/** BatchResponse envelope: 207 as soon as one input failed (B3.3), else the call's own success code. */
export function batchResponse(
  okStatus: number,
  startedAt: Date,
  completedAt: Date,
  results: unknown[],
  errors: StandardError[],
): SandboxResponse {
  const base = {
    status: 'COMPLETE',
    results,
    startedAt: startedAt.toISOString(),
    completedAt: completedAt.toISOString(),
  };
  if (errors.length === 0) return hsJson(okStatus, base);
  return hsJson(207, { ...base, numErrors: errors.length, errors });
}

export const asString = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

/**
 * A v4 batch read: one page of partners per input id; an id with none is reported as an error, so the call answers
 * 207 (HubSpot behaviour as seen in client logs; subCategory name not confirmed in official docs).
 */
export function batchReadResponse(
  started: Date,
  completedAt: () => Date,
  inputs: unknown[],
  pageOf: (id: string, after: string | undefined) => { results: unknown[]; next?: string },
  none: (id: string) => { message: string; toObjectType: string },
): SandboxResponse {
  const results: unknown[] = [];
  const errors: StandardError[] = [];
  for (const raw of inputs as Array<{ id?: unknown; after?: unknown }>) {
    const id = asString(raw.id) ?? '';
    const page = pageOf(id, asString(raw.after));
    if (page.results.length === 0) {
      const { message, toObjectType } = none(id);
      const e = standardError('OBJECT_NOT_FOUND', message, { fromObjectId: [id], toObjectType: [toObjectType] });
      errors.push({ ...e, subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND' });
      continue;
    }
    results.push({ from: { id }, to: page.results, ...(page.next ? { paging: { next: { after: page.next } } } : {}) });
  }
  return batchResponse(200, started, completedAt(), results, errors);
}
