/** A failed verification → an AppError whose code the CLI and UI branch on (R9.2 category kept in the text). */
import { AppError } from '../app/errors.js';
import { RemoteError } from '../connectors/types.js';
import type { ErrorCode } from '../../shared/contract/index.js';

const CODE_FOR: Partial<Record<RemoteError['category'], ErrorCode>> = {
  API_LIMIT: 'RATE_LIMITED',
  PERMISSIONS: 'FORBIDDEN',
};

export function connectFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (!(error instanceof RemoteError)) {
    return new AppError('NOT_CONNECTED', `Could not connect: ${(error as Error).message}. Nothing was saved.`);
  }
  // AUTH (a wrong or expired token), NETWORK (wrong URL) and the rest: the connection was not made.
  const code = CODE_FOR[error.category] ?? 'NOT_CONNECTED';
  return new AppError(
    code,
    `${error.message} [${error.category}]. Nothing was saved; any previous connection is kept.`,
  );
}
