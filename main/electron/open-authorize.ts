/**
 * OAuth sign-in pages open in the system browser (RFC 8252 §8.12: never an embedded web view, where the app could
 * read the password). Only https pages, or http on this machine (the local sandbox), ever leave through here.
 */
import { AppError } from '../app/errors.js';
import type { OpenExternal } from '../connections/index.js';
import { isLoopbackUrl } from '../oauth/endpoints.js';

export function authorizePageOpener(openExternal: OpenExternal): OpenExternal {
  return async (url) => {
    const target = new URL(url);
    const allowed = target.protocol === 'https:' || (target.protocol === 'http:' && isLoopbackUrl(target));
    if (!allowed) throw new AppError('VALIDATION', `Refused to open ${target.origin}: sign-in pages must use https.`);
    await openExternal(target.href);
  };
}
