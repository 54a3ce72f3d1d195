/**
 * R9.2 Error categories, and sorting an error from either remote system (or the network) into one of them.
 *
 * `categorize` takes whatever was thrown or returned: a jsforce error (`errorCode`), a Salesforce REST error list
 * (`[{ errorCode, message }]`), an sObject Collections result (`{ errors: [{ statusCode, message }] }`), a
 * @hubspot/api-client `ApiException` (`code` = HTTP status, `body` = `{ category, errors: [{ code }] }`), a raw
 * HubSpot error body, or a Node/undici network error (`code` or `cause.code`).
 *
 * Precedence: a specific code (SF errorCode/statusCode, HS error item code or subCategory, network code) beats
 * HubSpot's generic `category`, which beats the HTTP status — Salesforce answers 403 to REQUEST_LIMIT_EXCEEDED,
 * which is an API limit, not a permission problem.
 *
 * Decision: an error that fits none of the R9.2 categories is UNCATEGORIZED (kept, shown and retried like the
 * rest), never forced into a wrong bucket. HTTP 5xx and 408 count as NETWORK: transient, worth retrying.
 */

import { type CategoryOrUnknown, type ErrorCategory, HUBSPOT_CATEGORIES, SPECIFIC_CODES } from './error-codes.js';

export { type CategoryOrUnknown, ERROR_CATEGORIES, type ErrorCategory } from './error-codes.js';

export interface CategorizedError {
  category: CategoryOrUnknown;
  /** The remote code that decided the category (`REQUEST_LIMIT_EXCEEDED`, `INVALID_OPTION`, `HTTP_429`), if any. */
  code: string | null;
  /** Short, for a person; secrets redacted (R9.1). */
  message: string;
  /** Transient: worth retrying soon rather than on the normal back-off. */
  transient: boolean;
}

const CATEGORY_TEXT: Readonly<Record<CategoryOrUnknown, string>> = {
  API_LIMIT: 'API limit reached; the work waits and is retried',
  AUTH: 'The connection must be signed in again',
  PERMISSIONS: 'The connected user lacks permission for this',
  PROPERTY_VALUE: 'A value was refused',
  DUPLICATES: 'Duplicate record or value',
  CUSTOM_CODE: 'A Salesforce validation rule, flow or trigger refused the change',
  ASSOCIATIONS: 'A related record or association is missing or invalid',
  NETWORK: 'The remote system could not be reached; it is retried',
  UNCATEGORIZED: 'Unexpected error from the remote system',
};

const MAX_DETAIL_LENGTH = 300;

interface Signals {
  codes: string[];
  categories: string[];
  statuses: number[];
  messages: string[];
}

export function categorize(remoteError: unknown): CategorizedError {
  const signals: Signals = { codes: [], categories: [], statuses: [], messages: [] };
  collect(remoteError, signals, 0);

  const decided =
    firstHit(signals.codes, (code) => (code.includes('ASSOCIATION') ? 'ASSOCIATIONS' : SPECIFIC_CODES[code])) ??
    firstHit(signals.codes, (code) => (code.startsWith('INSUFFICIENT_ACCESS') ? 'PERMISSIONS' : undefined)) ??
    firstHit(signals.categories, (category) => HUBSPOT_CATEGORIES[category]) ??
    firstHit(
      signals.statuses.map((status) => `HTTP_${status}`),
      (code) => categoryOfStatus(Number(code.slice(5))),
    );
  const category: CategoryOrUnknown = decided?.category ?? 'UNCATEGORIZED';
  // @hubspot/api-client wraps the body in a long "HTTP-Code: … Body: …" message; the body's own message is better.
  const remoteMessage = signals.messages.find((text) => !text.startsWith('HTTP-Code:')) ?? signals.messages[0] ?? '';
  const detail = redactSecrets(remoteMessage).slice(0, MAX_DETAIL_LENGTH);
  return {
    category,
    code: decided?.code ?? signals.codes[0] ?? null,
    message: detail ? `${CATEGORY_TEXT[category]}: ${detail}` : CATEGORY_TEXT[category],
    transient: category === 'API_LIMIT' || category === 'NETWORK',
  };
}

/** R9.1 Tokens and secrets never reach the log, even when a remote message echoes them. */
export function redactSecrets(text: string): string {
  return text
    .replace(/\bBearer\s+[^\s"',]+/gi, 'Bearer [redacted]')
    .replace(
      /\b(access_token|refresh_token|client_secret|password|sessionId)(["']?\s*[:=]\s*["']?)[^\s"'&,}]+/gi,
      '$1$2[redacted]',
    )
    .replace(/\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]+/g, '[redacted session]');
}

function categoryOfStatus(status: number): ErrorCategory | undefined {
  if (status === 429) return 'API_LIMIT';
  if (status === 401) return 'AUTH';
  if (status === 403) return 'PERMISSIONS';
  if (status === 409) return 'DUPLICATES';
  if (status === 408 || (status >= 500 && status <= 599)) return 'NETWORK';
  return undefined;
}

function firstHit(
  values: string[],
  lookup: (value: string) => ErrorCategory | undefined,
): { category: ErrorCategory; code: string } | undefined {
  for (const value of values) {
    const category = lookup(value);
    if (category) return { category, code: value };
  }
  return undefined;
}

const NESTED_KEYS = ['body', 'cause', 'response', 'data', 'content', 'errors', 'error'] as const;
const CODE_KEYS = ['errorCode', 'statusCode', 'code', 'subCategory', 'name', 'error'] as const;
const MESSAGE_KEYS = ['message', 'error_description'] as const;

/** Walks the few places the client libraries put codes, statuses and messages (bounded depth, no cycles). */
function collect(value: unknown, into: Signals, depth: number): void {
  if (depth > 4 || value == null) return;
  if (typeof value === 'string') {
    if (depth === 0) into.codes.push(value.trim().toUpperCase());
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 20)) collect(item, into, depth + 1);
    return;
  }
  if (typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  for (const key of CODE_KEYS) {
    const field = record[key];
    if (typeof field === 'number' && field >= 100 && field <= 599) into.statuses.push(field);
    if (typeof field !== 'string' || !/^[A-Za-z_][\w.]*$/.test(field)) continue;
    // `name` is usually a JS class (Error, TypeError); jsforce puts the SF errorCode there, with underscores.
    if (key === 'name' && !field.includes('_') && field !== 'TimeoutError') continue;
    const code = field.toUpperCase();
    const httpStatus = /^ERROR_HTTP_(\d{3})$/.exec(code); // jsforce, when the body had no errorCode
    if (httpStatus?.[1]) into.statuses.push(Number(httpStatus[1]));
    else into.codes.push(code);
  }
  if (typeof record.status === 'number') into.statuses.push(record.status);
  if (typeof record.category === 'string') into.categories.push(record.category.toUpperCase());
  for (const key of MESSAGE_KEYS) {
    const text = record[key];
    if (typeof text === 'string' && text.trim() !== '') into.messages.push(text.trim());
  }
  for (const key of NESTED_KEYS) if (typeof record[key] === 'object') collect(record[key], into, depth + 1);
}
