/**
 * The console page's Content Security Policy, one string for both places it is applied: the header browser mode
 * sends (responses.ts) and the <meta> tag the production build puts into index.html for the Electron window
 * (vite.config.ts). The bundle has no inline script or style, so no 'unsafe-inline' anywhere.
 * No imports: vite.config.ts loads this file too.
 */
export const pageCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'";

/** frame-ancestors works only as a header (in a meta tag Chromium ignores it and logs an error). */
export const headerCsp = `${pageCsp}; frame-ancestors 'none'`;
