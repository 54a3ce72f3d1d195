/**
 * The console shell in real Chromium, served by the real `sfhs ui` command (spawned as a user would run it).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openSpawnedConsole, type SpawnedConsole } from './support/spawned-console.js';

const navItems = [
  'Connections',
  'Sync settings',
  'Import',
  'Companies',
  'Sync health',
  'Hold review',
  'Runs',
  'Log',
  'Workspaces',
];

let console_: SpawnedConsole;
let ui: SpawnedConsole['ui'];
let page: SpawnedConsole['page'];
let pageErrors: string[];

beforeAll(async () => {
  console_ = await openSpawnedConsole('shell');
  ({ ui, page, pageErrors } = console_);
});

afterAll(async () => {
  const code = await console_?.close();
  expect(code).toBe(0);
});

test('the shell loads: header, navigation, start page and a status bar with both connections', async () => {
  await page.getByRole('heading', { level: 1, name: 'Connections' }).waitFor();
  expect(await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link').allTextContents()).toEqual(
    navItems,
  );
  const status = page.getByRole('region', { name: 'Status' });
  await status.getByText('Salesforce: not connected').waitFor();
  await status.getByText('HubSpot: not connected').waitFor();
  await status.getByText('Company sync: off').waitFor();
  // Started with --data-dir: that one folder is the workspace, and the status bar says so.
  await status.getByRole('link', { name: `Workspace: ${console_.dataDir} (--data-dir)` }).waitFor();
  expect(await page.getByText('Browser mode · v').count()).toBe(1);
});

test('the page is locked down by CSP twice: the header, and the meta tag the Electron window relies on', async () => {
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self'");
  expect(meta).not.toContain('unsafe-inline');
});

test('the secret is taken out of the address bar once the page has loaded', () => {
  expect(page.url()).not.toContain('secret');
});

test('every page is reachable from its nav item, shows its heading and has its own link', async () => {
  for (const label of navItems) {
    await page.getByRole('navigation').getByRole('link', { name: label }).click();
    const heading = page.getByRole('heading', { level: 1, name: label });
    await heading.waitFor();
    // Focus follows navigation, so keyboard users land on the page they chose.
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('link', { name: label, exact: true }).getAttribute('aria-current')).toBe('page');
    const link = page.url();
    expect(link).toMatch(/#\/[a-z-]+$/);
    await page.goto('about:blank');
    await page.goto(link);
    await heading.waitFor();
  }
});

test('R3.4 the Companies page speaks in words: no rule id on it', async () => {
  await page.goto(`${ui.origin}/#/companies`);
  await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Account creation by reason' }).waitFor();
  expect(await page.locator('main').textContent()).not.toMatch(/\bR\d+(\.\d+)?[a-z]?\b/);
});

test('the address without the secret answers 401 in a fresh browser', async () => {
  const stranger = await console_.browser.newContext();
  const response = await (await stranger.newPage()).goto(ui.origin);
  expect(response?.status()).toBe(401);
  expect(await response?.text()).toMatch(/link/);
  await stranger.close();
});

test('no console errors along the way', () => {
  expect(pageErrors).toEqual([]);
});
