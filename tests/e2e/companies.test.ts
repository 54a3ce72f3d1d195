/**
 * The Companies page end to end (R3.4 preview, R5.1 resync): real Chromium, the browser-mode server and services
 * in-process, connected to the sandbox (switch off: the preview is the point of it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningWebServer, startWebServer } from '../../main/web/server.js';
import { type Harness, startHarness } from '../support/engine-harness.js';
import { statedR3Settings } from '../hs-to-sf/support.js';
import { explain } from '../../shared/contract/explanations.js';
import { toSfId18 } from '../../main/engine/rules/ids.js';
import { collectPageErrors, launchChromium } from './support/browser.js';
import { ensureRendererBuilt, rendererOutDir } from './support/renderer-build.js';

let dataDir: string;
let harness: Harness;
let server: RunningWebServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  await ensureRendererBuilt();
  // One data folder for the whole file (tempDirFactory would remove it after the first test).
  dataDir = mkdtempSync(join(tmpdir(), 'sfhs-e2e-companies-'));
  harness = await startHarness(dataDir);
  harness.services.settings.update(statedR3Settings());
  server = await startWebServer({ services: harness.services, staticDir: rendererOutDir });
  browser = await launchChromium();
  page = await browser.newPage();
  pageErrors = collectPageErrors(page);
  await page.goto(`${server.url}#/companies`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await harness?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const chart = () => page.getByRole('list', { name: 'Companies per reason' });

test('R3.4 after a refresh the chart shows the seed counts per reason, and the sync-off notice', async () => {
  await page.getByRole('button', { name: 'Refresh from both systems' }).click();
  const expected = harness.sandbox.expected.accountCreationReasons;
  // Each reason in its words, never its code.
  const countOf = (reason: string) =>
    chart()
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: explain(reason).label, exact: true }) })
      .locator('.bar-count')
      .textContent();
  await expect
    .poll(() => countOf('VETO_NO_CONTACTS'), { timeout: 30_000 })
    .toBe(`${expected.VETO_NO_CONTACTS} companies`);
  for (const [reason, count] of Object.entries(expected)) {
    expect(await countOf(reason)).toBe(`${count.toLocaleString('en-US')} companies`);
  }
  await page.getByRole('note').getByText('Company sync is off').waitFor();
}, 60_000);

test('R3.4 filtering by a reason shows only companies with that badge', async () => {
  await chart().getByRole('button', { name: 'Every contact is a lead' }).click();
  await page.getByText(`of ${harness.sandbox.expected.accountCreationReasons.VETO_ALL_LEADS}`).waitFor();
  const badges = await page.locator('.companies-table tbody .pill').allTextContents();
  expect(badges.length).toBeGreaterThan(0);
  expect(new Set(badges)).toEqual(new Set(['Every contact is a lead']));
  // The sentence and the fix a person can make, beside the badge; no account for a vetoed company.
  await page.locator('.companies-table tbody tr').first().getByText(explain('VETO_ALL_LEADS').text).waitFor();
  await page.locator('.companies-table tbody tr').first().getByText('No account', { exact: true }).waitFor();
}, 30_000);

test('R5.1 Resync of a vetoed company (switch on) creates its account', async () => {
  harness.services.settings.update({ syncCompanies: true });
  const row = page.locator('.companies-table tbody tr').first();
  const companyId = (await row.getAttribute('data-company-id')) as string;
  await row.getByRole('button', { name: /^Resync / }).click();
  // The row itself says what came of it: the account created, by id.
  await row
    .getByRole('status')
    .getByText(/^Account created: .*001[A-Za-z0-9]{12,15}/)
    .waitFor({ timeout: 30_000 })
    .catch(async (error) => {
      throw new Error(`${String(error)}\nThe row says: ${await row.textContent()}`);
    });
  await row.getByRole('link', { name: 'Details in the Log' }).waitFor();
  await expect
    .poll(() => harness.sandbox.hubspot.store.getCompany(companyId)?.properties.salesforceaccountid ?? null, {
      timeout: 30_000,
    })
    .toBeTruthy();
  expect(pageErrors).toEqual([]);
}, 60_000);

test('R3.4 a linked company names its Salesforce account, by the name Salesforce holds and its id', async () => {
  await chart().getByRole('button', { name: 'Linked to an account', exact: true }).click();
  await page.locator('.companies-table tbody tr').first().waitFor();
  await expect
    .poll(async () => new Set(await page.locator('.companies-table tbody .pill').allTextContents()))
    .toEqual(new Set([explain('ALREADY_LINKED').label]));
  const rows = page.locator('.companies-table tbody tr');
  let named = 0;
  for (let i = 0; i < Math.min(await rows.count(), 20); i++) {
    const row = rows.nth(i);
    const companyId = (await row.getAttribute('data-company-id')) as string;
    const raw = harness.sandbox.hubspot.store.getCompany(companyId)?.properties.salesforceaccountid as string;
    const accountId = toSfId18(raw);
    const account = harness.sandbox.salesforce.store.getAccount(accountId);
    const cell = (await row.locator('td').nth(1).textContent())?.replace(/\s+/g, ' ').trim();
    if (account && !account.IsDeleted) {
      expect(cell).toBe(`Linked to ${account.Name} ${accountId}`);
      named++;
    } else {
      expect(cell).toContain(accountId);
    }
  }
  expect(named).toBeGreaterThan(0);
  expect(pageErrors).toEqual([]);
}, 60_000);
