import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes per launch: the link printed by `sfhs ui` is the only way in. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Constant-time comparison. Hashing first gives both sides the same length, so neither the content nor the length
 * of the expected secret leaks through timing (timingSafeEqual itself throws on unequal lengths).
 */
export function secretsEqual(candidate: string | null | undefined, secret: string): boolean {
  if (typeof candidate !== 'string' || candidate.length === 0) return false;
  return timingSafeEqual(digest(candidate), digest(secret));
}

/**
 * Cookies are scoped by host, not by port, so two `sfhs ui` launches on 127.0.0.1 would overwrite each other's
 * cookie if they shared a name. The port in the name keeps them apart.
 */
export const cookieNameFor = (port: number): string => `sfhs_session_${port}`;

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** HttpOnly: page scripts never see it; SameSite=Strict: other sites' pages cannot make the browser send it. */
export const sessionCookie = (name: string, secret: string): string =>
  `${name}=${secret}; HttpOnly; SameSite=Strict; Path=/`;

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
