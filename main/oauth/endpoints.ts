/**
 * Where each provider signs people in. Salesforce: production, sandbox orgs (test.salesforce.com), a My Domain, or
 * any URL (the local sandbox). HubSpot: the app host that shows the consent page, and the API host that issues
 * tokens. Every URL is https, except loopback ones (the sandbox), so a token is never exchanged in clear over a
 * network.
 */
import { AppError } from '../app/errors.js';

export const SALESFORCE_LOGIN_URLS = {
  production: 'https://login.salesforce.com',
  sandbox: 'https://test.salesforce.com',
} as const;

export const HUBSPOT_APP_URL = 'https://app.hubspot.com';
export const HUBSPOT_API_URL = 'https://api.hubapi.com';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const isLoopbackUrl = (url: URL): boolean => LOOPBACK_HOSTS.has(url.hostname);

/** An origin-like URL without a trailing slash; https unless it points at this machine. */
export function checkedBaseUrl(raw: string, what: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('VALIDATION', `${what} must be a URL such as https://login.salesforce.com, got "${raw}".`);
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url));
  if (!secure)
    throw new AppError('VALIDATION', `${what} must use https (plain http only for 127.0.0.1), got "${raw}".`);
  if (url.search || url.hash) throw new AppError('VALIDATION', `${what} must not carry a query or fragment.`);
  return url.href.replace(/\/+$/, '');
}

/**
 * `production`, `sandbox`, a My Domain name (`acme` or `acme.my.salesforce.com`) or a full URL → the login URL.
 * My Domain logins matter when the org blocks login.salesforce.com (a common policy).
 */
export function salesforceLoginUrl(choice: string | undefined): string {
  const value = (choice ?? 'production').trim();
  if (value in SALESFORCE_LOGIN_URLS) return SALESFORCE_LOGIN_URLS[value as keyof typeof SALESFORCE_LOGIN_URLS];
  if (/^[a-z0-9-]+$/i.test(value)) return `https://${value}.my.salesforce.com`;
  if (/^[a-z0-9.-]+\.salesforce\.com$/i.test(value)) return `https://${value}`;
  return checkedBaseUrl(value, 'The Salesforce login URL');
}

/**
 * HubSpot's consent page lives on the app host, its token endpoint on the API host. Against the sandbox (or any
 * non-HubSpot API URL) both are the same server, so the app host defaults to the API URL.
 */
export function hubspotUrls(options: { apiBaseUrl?: string; loginUrl?: string }): { api: string; app: string } {
  const api = checkedBaseUrl(options.apiBaseUrl ?? HUBSPOT_API_URL, 'The HubSpot API URL');
  const defaultApp = new URL(api).hostname.endsWith('hubapi.com') ? HUBSPOT_APP_URL : api;
  return { api, app: checkedBaseUrl(options.loginUrl ?? defaultApp, 'The HubSpot sign-in URL') };
}
