/**
 * The Connections page end to end in Chromium, against the sandbox's OAuth consent pages: in browser mode the
 * sign-in page opens in a new tab, the person approves there, and the page follows main's `connections` event.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createServices, type Services } from '../../main/app/services.js';
import { type RunningWebServer, startWebServer } from '../../main/web/server.js';
import { type HubSpotEmulator, startHubSpotEmulator } from '../../sandbox/hubspot/index.js';
import { type SalesforceEmulator, startSalesforceEmulator } from '../../sandbox/salesforce/index.js';
import { collectPageErrors, launchChromium } from './support/browser.js';
import { ensureRendererBuilt, rendererOutDir } from './support/renderer-build.js';

let dataDir: string;
let services: Services;
let server: RunningWebServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let sf: SalesforceEmulator;
let hs: HubSpotEmulator;
const answers: string[] = [];

beforeAll(async () => {
  await ensureRendererBuilt();
  [sf, hs] = await Promise.all([startSalesforceEmulator(), startHubSpotEmulator()]);
  dataDir = mkdtempSync(join(tmpdir(), 'sfhs-e2e-connections-'));
  services = createServices({ dataDir, runtime: 'browser', version: '0.0.0-e2e' });
  server = await startWebServer({ services, staticDir: rendererOutDir });
  browser = await launchChromium();
  context = await browser.newContext();
  page = await context.newPage();
  pageErrors = collectPageErrors(page);
  page.on('response', async (response) => {
    if (response.url().includes('/api/op/')) answers.push(await response.text().catch(() => ''));
  });
  await page.goto(`${server.url}#/connections`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  services?.close();
  await Promise.all([sf?.close(), hs?.close()]);
  rmSync(dataDir, { recursive: true, force: true });
});

const card = (name: string) => page.getByRole('region', { name });

/** Opens the card's connect form (the button toggles it, and it stays open after a sign-in). */
async function openForm(name: 'Salesforce' | 'HubSpot'): Promise<void> {
  const button = card(name).getByRole('button', { name: new RegExp(`^(Re)?[cC]onnect ${name}$`) });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** Submits the form; the sign-in page opens as a new tab, where `approve` is clicked like a person would. */
async function signInThroughNewTab(submit: string, approveSelector: string): Promise<void> {
  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: submit }).click();
  const consent = await opened;
  await consent.waitForLoadState();
  await consent.locator(approveSelector).click();
  await consent.getByText('Signed in').waitFor();
  await consent.close();
}

test('Salesforce: custom login URL + consumer key → consent in a new tab → connected, org shown', async () => {
  await openForm('Salesforce');
  await card('Salesforce').getByLabel('Custom URL').check();
  await card('Salesforce').getByLabel('Login URL').fill(sf.url);
  await card('Salesforce').getByLabel('Consumer key (client id)').fill(sf.clientId);
  await signInThroughNewTab('Sign in to Salesforce', '#oaapprove');
  await card('Salesforce').getByText('connected', { exact: true }).waitFor();
  await card('Salesforce').getByText(`(${sf.orgId})`).waitFor();
  await card('Salesforce').getByText('OAuth sign-in').waitFor();
  expect(services.connections.status().salesforce.kind).toBe('oauth');
});

test('HubSpot: OAuth with client id and secret → approve → portal and granted scopes shown', async () => {
  await openForm('HubSpot');
  await card('HubSpot').getByLabel('HubSpot API URL').fill(hs.url);
  await card('HubSpot').getByLabel('Client id', { exact: true }).fill(hs.clientId);
  await card('HubSpot').getByLabel('Client secret').fill(hs.clientSecret);
  await signInThroughNewTab('Sign in to HubSpot', '#approve');
  await card('HubSpot').getByText('connected', { exact: true }).waitFor();
  await card('HubSpot')
    .getByText(/crm\.objects\.companies\.write/)
    .waitFor();
  await page
    .getByRole('region', { name: 'Status' })
    .getByText(/HubSpot: connected/)
    .waitFor();
  // The page says how tokens are kept (plain file here: no Electron, no keychain).
  await page.getByText(/Tokens are kept in an unencrypted file/).waitFor();
});

test('a denied consent shows the error on the page and keeps the working connection', async () => {
  await openForm('Salesforce');
  await card('Salesforce').getByLabel('Login URL').fill(sf.url);
  await card('Salesforce').getByLabel('Consumer key (client id)').fill(sf.clientId);
  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in to Salesforce' }).click();
  const consent = await opened;
  await consent.locator('#oadeny').click();
  // The tab closes only once the denial reached the console, as a person would see "Sign-in failed" first:
  // closing it earlier can cancel the redirect before it arrives.
  await consent.getByText('Sign-in failed').waitFor();
  await consent.close();
  await card('Salesforce')
    .getByRole('alert')
    .getByText(/Access was not allowed/)
    .waitFor();
  expect(services.connections.status().salesforce.connected).toBe(true);
});

test('disconnect both: revoked and erased, the page and status bar follow', async () => {
  await page.getByRole('button', { name: 'Disconnect Salesforce' }).click();
  await card('Salesforce').getByText('not connected', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Disconnect HubSpot' }).click();
  await card('HubSpot').getByText('not connected', { exact: true }).waitFor();
  await page.getByRole('region', { name: 'Status' }).getByText('HubSpot: not connected').waitFor();
});

test('no token in any answer the page received, and no console errors', () => {
  expect(answers.length).toBeGreaterThan(5);
  const all = answers.join('\n');
  expect(all).not.toMatch(/"(accessToken|refreshToken|clientSecret)"/);
  expect(all).not.toContain(hs.clientSecret);
  expect(pageErrors).toEqual([]);
});
