/**
 * R6.3 / R7.8 The domain normaliser: SF `Website` and HS `domain` are compared, and Website is written to domain,
 * in one canonical form: lower-case host name, no scheme, no `www.`, no user info, port, path, query or fragment.
 *
 * Decisions:
 * - Anything that is not a plausible host name (blank, an IP address, a single label such as `localhost`, two
 *   values in one field, spaces) yields null, so that it never matches and never gets written as a domain.
 * - Internationalised names are converted to their ASCII (punycode) form with the WHATWG `URL` global (present in
 *   Node and browsers alike), so `café.se` and `xn--caf-dma.se` compare equal.
 * - `www.` is stripped only when a registrable name remains (`www.com` stays as it is).
 */

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const MAX_HOST_LENGTH = 253;

export function normalizeDomain(input: string | null | undefined): string | null {
  if (input == null) return null;
  let host = input.trim().toLowerCase();
  if (host === '') return null;

  host = host.replace(SCHEME, '').replace(/^\/\//, '');
  // The authority ends at the first path, query or fragment delimiter (a backslash is a common typo for `/`).
  host = host.split(/[/?#\\]/, 1)[0] ?? '';
  // user:password@host — only the part after the last `@` is the host.
  host = host.slice(host.lastIndexOf('@') + 1);
  host = host.replace(/:\d*$/, '').replace(/\.$/, '');

  const ascii = toAsciiHost(host);
  if (ascii === null || ascii.length > MAX_HOST_LENGTH) return null;

  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  // A numeric top-level label means an IP address (or garbage), not a domain.
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return null;

  return labels[0] === 'www' && labels.length > 2 ? labels.slice(1).join('.') : ascii;
}

/** R6.3 Whether two values name the same domain after normalisation; blanks never match. */
export function sameDomain(a: string | null | undefined, b: string | null | undefined): boolean {
  const left = normalizeDomain(a);
  return left !== null && left === normalizeDomain(b);
}

function toAsciiHost(host: string): string | null {
  if (host === '') return null;
  // Plain ASCII needs no conversion and must not be "fixed" by the URL parser (it would accept `1.2.3` etc.).
  if (/^[\x21-\x7e]*$/.test(host)) return host;
  if (/[\s,;]/.test(host)) return null;
  if (!URL.canParse(`http://${host}/`)) return null;
  return new URL(`http://${host}/`).hostname;
}
