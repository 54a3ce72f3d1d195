/**
 * The Sync settings page end to end: real Chromium, real browser-mode server and services (in-process, so the test
 * can also look at what main stored and change settings behind the page's back, as the CLI would).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Services, createServices } from '../../main/app/services.js';
import { type RunningWebServer, startWebServer } from '../../main/web/server.js';
import { collectPageErrors, launchChromium } from './support/browser.js';
import { ensureRendererBuilt, rendererOutDir } from './support/renderer-build.js';

let dataDir: string;
let services: Services;
let server: RunningWebServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  await ensureRendererBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'sfhs-e2e-settings-'));
  services = createServices({ dataDir, runtime: 'browser', version: '0.0.0-e2e' });
  server = await startWebServer({ services, staticDir: rendererOutDir });
  browser = await launchChromium();
  page = await browser.newPage();
  pageErrors = collectPageErrors(page);
  await page.goto(`${server.url}#/sync-settings`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  services?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const companySwitch = () => page.getByRole('switch', { name: 'Sync companies' });
const statusBar = () => page.getByRole('region', { name: 'Status' });

test('R1.1 the company-sync switch is off by default', async () => {
  expect(await companySwitch().getAttribute('aria-checked')).toBe('false');
});

test('R1.1 turning company sync on persists: main stores it, the status bar and a reload show it on', async () => {
  await companySwitch().click();
  await page.locator('#company-sync-switch[aria-checked="true"]').waitFor();
  await statusBar().getByText('Company sync: on').waitFor();
  expect(services.settings.get().syncCompanies).toBe(true);
  await page.reload();
  await page.locator('#company-sync-switch[aria-checked="true"]').waitFor();
  await statusBar().getByText('Company sync: on').waitFor();
});

test('a change made outside the page (e.g. by the CLI) shows up live', async () => {
  services.settings.update({ syncCompanies: false, pollIntervalMinutes: 30 });
  await statusBar().getByText('Company sync: off').waitFor();
  await page.waitForFunction(
    () => (document.getElementById('setting-pollIntervalMinutes') as HTMLInputElement | null)?.value === '30',
  );
});

test("an invalid poll interval is refused with main's message next to the field; a valid one is saved", async () => {
  const poll = page.getByLabel('Poll interval');
  await poll.fill('0');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page
    .getByRole('alert')
    .getByText(/pollIntervalMinutes/)
    .waitFor();
  expect(await poll.getAttribute('aria-invalid')).toBe('true');
  expect(services.settings.get().pollIntervalMinutes).toBe(30);
  await poll.fill('10');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText(/^Saved at/).waitFor();
  expect(services.settings.get().pollIntervalMinutes).toBe(10);
  expect(await page.getByRole('alert').count()).toBe(0);
});

test('no console errors along the way', () => {
  expect(pageErrors).toEqual([]);
});
