import type { ErrorCode, OpError } from '../../shared/contract/index.js';

/**
 * An expected failure with a code a caller can branch on and a message a person can act on.
 * Handlers throw it; `dispatch` turns it into `{ ok: false, error }`. Anything else thrown is a bug (INTERNAL).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toOpError(): OpError {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}
