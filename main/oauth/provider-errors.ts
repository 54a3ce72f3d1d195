/**
 * A token endpoint's refusal → an AppError a person can act on. jsforce throws `Error(error_description)` named after
 * the OAuth `error`; @hubspot/api-client throws an ApiException whose body's `status` names the reason. Messages
 * are scrubbed of every secret of the flow, in case a server echoes one.
 */
import { AppError } from '../app/errors.js';
import { redactSecrets } from '../engine/rules/errors.js';
import type { ErrorCode } from '../../shared/contract/index.js';

type Reason = { code: ErrorCode; text: string };

const REASONS: Readonly<Record<string, Reason>> = {
  INVALID_CLIENT_ID: { code: 'VALIDATION', text: 'does not know this client id (check the consumer key / client id)' },
  BAD_CLIENT_ID: { code: 'VALIDATION', text: 'does not know this client id (check the consumer key / client id)' },
  INVALID_CLIENT: { code: 'VALIDATION', text: 'refused the client secret (check the consumer secret / client secret)' },
  BAD_CLIENT_SECRET: { code: 'VALIDATION', text: 'refused the client secret (check the client secret)' },
  REDIRECT_URI_MISMATCH: {
    code: 'VALIDATION',
    text: 'refused the callback URL; add it to the app exactly as shown (see docs/connections.md)',
  },
  BAD_REDIRECT_URI: { code: 'VALIDATION', text: 'refused the callback URL; add it to the app exactly as shown' },
  INVALID_GRANT: { code: 'TOKEN_EXPIRED', text: 'refused the grant: the code or token is expired, used or revoked' },
  BAD_AUTH_CODE: { code: 'TOKEN_EXPIRED', text: 'refused the sign-in code: it is expired or was already used' },
  BAD_REFRESH_TOKEN: { code: 'TOKEN_EXPIRED', text: 'refused the saved sign-in: the refresh token was revoked' },
  INVALID_REQUEST: { code: 'VALIDATION', text: 'refused the request (the PKCE code verifier did not match)' },
};

/** The OAuth reason code carried by a client library's error, upper-cased (INVALID_GRANT, BAD_CLIENT_SECRET). */
export function oauthReason(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { name, body } = error as { name?: unknown; body?: unknown };
  const status = typeof body === 'object' && body !== null ? (body as { status?: unknown }).status : undefined;
  if (typeof status === 'string') return status.toUpperCase();
  return typeof name === 'string' && /^[a-z_]+$/.test(name) ? name.toUpperCase() : null;
}

export const scrub = (text: string, secrets: readonly (string | undefined)[]): string =>
  secrets.reduce<string>(
    (out, secret) => (secret && secret.length >= 6 ? out.split(secret).join('[redacted]') : out),
    redactSecrets(text),
  );

export function oauthFailure(
  provider: string,
  step: string,
  error: unknown,
  secrets: readonly (string | undefined)[],
): AppError {
  if (error instanceof AppError) return error;
  const reason = oauthReason(error);
  const known = reason ? REASONS[reason] : undefined;
  const raw = error instanceof Error ? error.message : String(error);
  const detail = known ? `${known.text} [${reason}]` : `${raw.slice(0, 200)}${reason ? ` [${reason}]` : ''}`;
  return new AppError(
    known?.code ?? 'NOT_CONNECTED',
    scrub(`${provider} ${step}: ${detail}. Nothing was saved; any previous connection is kept.`, secrets),
  );
}
