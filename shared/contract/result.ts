/**
 * Every operation answers with a Result instead of throwing across a process or network boundary.
 * Codes are few and stable: the UI branches on them, people read the message.
 */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'NOT_CONNECTED',
  /** R1.2 the company-sync switch is off, so the run would write nothing. */
  'SYNC_OFF',
  'TOKEN_EXPIRED',
  'RATE_LIMITED',
  'CONFLICT',
  'FORBIDDEN',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface OpError {
  code: ErrorCode;
  message: string;
  /** Record ids or field paths the error is about, when there are any. */
  details?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: OpError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: string[]): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});
