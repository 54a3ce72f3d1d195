/** Login URL choice (production, sandbox, My Domain, custom) and the https rule for every OAuth endpoint. */
import { expect, test } from 'vitest';
import { authorizePageOpener } from '../../../main/electron/open-authorize.js';
import { hubspotUrls, salesforceLoginUrl } from '../../../main/oauth/endpoints.js';

test('Salesforce login URL: production, sandbox, My Domain name or host, custom loopback URL', () => {
  expect(salesforceLoginUrl(undefined)).toBe('https://login.salesforce.com');
  expect(salesforceLoginUrl('sandbox')).toBe('https://test.salesforce.com');
  expect(salesforceLoginUrl('acme')).toBe('https://acme.my.salesforce.com');
  expect(salesforceLoginUrl('acme--uat.sandbox.my.salesforce.com')).toBe('https://acme--uat.sandbox.my.salesforce.com');
  expect(salesforceLoginUrl('http://127.0.0.1:7001/')).toBe('http://127.0.0.1:7001');
});

test('plain http is refused except on this machine, so a code is never exchanged in clear', () => {
  expect(() => salesforceLoginUrl('http://login.example.com')).toThrow(/must use https/);
  expect(() => hubspotUrls({ apiBaseUrl: 'http://api.example.com' })).toThrow(/must use https/);
});

test('HubSpot: consent on app.hubspot.com for the real API, on the same server for the sandbox', () => {
  expect(hubspotUrls({})).toEqual({ api: 'https://api.hubapi.com', app: 'https://app.hubspot.com' });
  expect(hubspotUrls({ apiBaseUrl: 'http://127.0.0.1:9000' })).toEqual({
    api: 'http://127.0.0.1:9000',
    app: 'http://127.0.0.1:9000',
  });
});

test('the desktop app opens only https (or loopback) sign-in pages in the system browser', async () => {
  const opened: string[] = [];
  const open = authorizePageOpener(async (url) => {
    opened.push(url);
  });
  await open('https://login.salesforce.com/services/oauth2/authorize?client_id=x');
  await open('http://127.0.0.1:7001/services/oauth2/authorize');
  await expect(open('http://evil.example/authorize')).rejects.toThrow(/must use https/);
  await expect(open('file:///etc/passwd')).rejects.toThrow(/must use https/);
  expect(opened).toHaveLength(2);
});
