/**
 * The window's security rules (Electron security checklist items 4–14), as pure functions so tests can hold them to
 * the house style without an Electron binary, plus the small wiring that applies them to a WebContents or Session.
 */
import type { Session, WebContents } from 'electron';

/**
 * Everything the page needs comes from the app itself and talks to main over IPC, so the policy can be this narrow.
 * renderer/index.html carries the same policy as a <meta> tag, because a header may not reach file:// pages on every
 * Electron version; the header adds what a <meta> cannot express (frame-ancestors, form-action).
 */
const baseDirectives: Record<string, string[]> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

const serialize = (directives: Record<string, string[]>): string =>
  Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');

export const contentSecurityPolicy = serialize(baseDirectives);

/**
 * The dev server (ELECTRON_RENDERER_URL, never in a packaged app) needs two holes: the React refresh preamble is an
 * inline module script, and hot reload talks over a websocket. Still no 'unsafe-eval'.
 */
export function contentSecurityPolicyFor(appUrl: string): string {
  const url = parseUrl(appUrl);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return contentSecurityPolicy;
  const socket = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  return serialize({
    ...baseDirectives,
    'script-src': ["'self'", "'unsafe-inline'"],
    'connect-src': ["'self'", socket],
  });
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null; // Not a URL at all: the callers treat it as foreign.
  }
}

/** Is `url` the console's own page? file: pages have an opaque origin, so for them the exact file decides. */
export function isAppUrl(url: string, appUrl: string): boolean {
  const target = parseUrl(url);
  const app = parseUrl(appUrl);
  if (!target || !app) return false;
  if (app.protocol === 'file:') {
    return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname;
  }
  return target.origin === app.origin;
}

export type ExternalOpenDecision = 'open-in-browser' | 'ignore';

/** Links leave the app only to the system browser, and only over https (no file:, smb:, custom schemes). */
export function externalOpenPolicy(url: string): ExternalOpenDecision {
  return parseUrl(url)?.protocol === 'https:' ? 'open-in-browser' : 'ignore';
}

export type OpenExternal = (url: string) => Promise<void>;

/** Applied to every WebContents the app creates (via `web-contents-created`), so no window can slip past it. */
export function hardenWebContents(contents: WebContents, appUrl: string, openExternal: OpenExternal): void {
  const openIfAllowed = (url: string) => {
    if (externalOpenPolicy(url) !== 'open-in-browser') return;
    void openExternal(url).catch((error: unknown) => console.warn(`Could not open ${url} in the browser`, error));
  };
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, appUrl)) return;
    event.preventDefault();
    // A plain link to a web page is a user asking to see it: show it in the browser instead.
    openIfAllowed(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
}

/** The CSP header and a blanket "no" to camera, notifications, geolocation and the rest: the console needs none. */
export function applySessionPolicy(session: Session, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
