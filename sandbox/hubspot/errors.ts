/**
 * HubSpot-shaped responses. Every body carries `Content-Type: application/json;charset=utf-8` because the client
 * silently resolves to `{}` without a JSON content type (stack-notes §5) and HubSpot sends exactly this value
 * (observed in https://github.com/HubSpot/hubspot-api-nodejs/issues/545).
 * Error bodies follow wire-formats B7: `status:"error", message, correlationId, category` (+ optional context/errors).
 */
import { randomUUID } from 'node:crypto';
import type { SandboxResponse } from '../http/router.js';

export const JSON_TYPE = 'application/json;charset=utf-8';

export const hsJson = (status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse => ({
  status,
  body,
  headers: { 'Content-Type': JSON_TYPE, ...headers },
});

export interface ErrorDetail {
  message: string;
  code?: string;
  in?: string;
  context?: Record<string, string[]>;
}

export interface HsErrorExtras {
  context?: Record<string, string[]>;
  errors?: ErrorDetail[];
  subCategory?: string;
  links?: Record<string, string>;
}

export function hsError(
  status: number,
  category: string,
  message: string,
  extras: HsErrorExtras = {},
): SandboxResponse {
  return hsJson(status, { status: 'error', message, correlationId: randomUUID(), category, ...extras });
}

export const validationError = (message: string, extras?: HsErrorExtras): SandboxResponse =>
  hsError(400, 'VALIDATION_ERROR', message, extras);

/** HubSpot's object 404 (wire-formats B7: OBJECT_NOT_FOUND; the exact text is not confirmed, B7 3P logs). */
export const objectNotFound = (id: string): SandboxResponse =>
  hsError(404, 'OBJECT_NOT_FOUND', 'resource not found', { context: { id: [id] } });

/** A per-input error inside a 207 body (`StandardError`: status, category, message, context, errors, links). */
export interface StandardError {
  status: 'error';
  category: string;
  message: string;
  context: Record<string, string[]>;
  errors: ErrorDetail[];
  links: Record<string, string>;
  id?: string;
  subCategory?: string;
}

export const standardError = (
  category: string,
  message: string,
  context: Record<string, string[]> = {},
  errors: ErrorDetail[] = [],
): StandardError => ({ status: 'error', category, message, context, errors, links: {} });

/** One property value that HubSpot refuses, in its `propertyValidationResult` wording (see properties.ts). */
export interface PropertyProblem {
  name: string;
  /** HubSpot's machine code: INVALID_OPTION, PROPERTY_DOESNT_EXIST, READ_ONLY_VALUE, INVALID_INTEGER, ... */
  error: string;
  message: string;
}

/**
 * HubSpot folds property problems into one VALIDATION_ERROR whose message embeds the JSON list:
 * `Property values were not valid: [{"isValid":false,"message":"x was not one of the allowed options: [...]",
 * "error":"INVALID_OPTION","name":"industry","localizedErrorMessage":"..."}]`
 * (observed: https://github.com/gregorspan/csc-frodx/issues/21, https://github.com/gitcoinco/code_fund_ads/issues/479).
 */
export function propertyProblemsMessage(problems: PropertyProblem[]): string {
  const list = problems.map((p) => ({
    isValid: false,
    message: p.message,
    error: p.error,
    name: p.name,
    localizedErrorMessage: p.message,
  }));
  return `Property values were not valid: ${JSON.stringify(list)}`;
}

export function propertyProblemsDetails(problems: PropertyProblem[]): ErrorDetail[] {
  return problems.map((p) => ({ message: p.message, code: p.error, in: p.name, context: { propertyName: [p.name] } }));
}

export type RateLimitPolicy = 'TEN_SECONDLY_ROLLING' | 'DAILY' | 'SECONDLY';

/**
 * The 429 body (wire-formats B6). The client retries on `policyName === "TEN_SECONDLY_ROLLING"` (10 s steps) and
 * on `message === "You have reached your secondly limit."` (1 s steps), so both strings must be exact.
 */
export function rateLimited(
  policy: RateLimitPolicy,
  groupName: string,
  headers: Record<string, string> = {},
): SandboxResponse {
  const message =
    policy === 'TEN_SECONDLY_ROLLING'
      ? 'You have reached your ten_secondly_rolling limit.'
      : policy === 'DAILY'
        ? 'You have reached your daily limit.'
        : 'You have reached your secondly limit.';
  return hsJson(
    429,
    { status: 'error', message, errorType: 'RATE_LIMIT', correlationId: randomUUID(), policyName: policy, groupName },
    headers,
  );
}
