/**
 * The data pages end to end with the sandbox's realistic data: Import (R1.2, R2.3, R2.5), Sync health (R9.4),
 * Log (R9.1, R9.5) and field mappings (R1.4, R7). Real Chromium, real browser-mode server, real engine and emulators.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readOutcomeTable } from './support/outcome.js';
import { type SandboxConsole, startSandboxConsole } from './support/sandbox-console.js';

let app: SandboxConsole;
let page: Page;

beforeAll(async () => {
  app = await startSandboxConsole('import');
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

/** The big number under a label, e.g. stat('Create') in the preview. */
const stat = async (label: string, scope = page.locator('main')): Promise<number> => {
  const value = scope.locator('.stat', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
  return Number((await value.locator('.stat-value').textContent())?.replace(/,/g, ''));
};

test('R1.2 with company sync off the Import page says so up front, and a preview still works', async () => {
  await app.open('import');
  await page.getByRole('heading', { name: 'Company sync is off' }).waitFor();
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('heading', { name: 'Preview' }).waitFor();
  const planned = await readOutcomeTable(page, 'What an import would do');
  expect(planned['Create']?.[0]).toBeGreaterThan(0);
  expect(planned['Update']?.[0]).toBeGreaterThan(0);
  expect(planned['Hold']?.[0]).toBeGreaterThan(0);
  expect(await page.getByRole('button', { name: 'Import to HubSpot' }).isDisabled()).toBe(true);
  // Reasons are badges on each planned operation; new accounts show the values they will get.
  const table = page.getByRole('table', { name: 'Planned operations' });
  await table.getByText('New company').first().waitFor();
  await table.getByText('→').first().waitFor();
});

test('R6.4 the preview filters to holds, each with its candidate companies', async () => {
  await page.getByRole('button', { name: /^Hold/ }).click();
  const table = page.getByRole('table', { name: 'Planned operations' });
  await table.getByText('Several possible companies').first().waitFor();
  const planned = await readOutcomeTable(page, 'What an import would do');
  expect(await table.getByText(/Candidate companies: /).count()).toBe(planned['Hold']?.[0]);
  expect(await table.getByText('New company').count()).toBe(0);
});

test('R1.4 field mappings are shown read-only while company sync is off', async () => {
  await app.open('sync-settings');
  const mappings = page.getByRole('table', { name: 'Field mappings' });
  await mappings.getByText('Prefer Salesforce unless blank').first().waitFor();
  await page.getByText(/Read-only because company sync is off/).waitFor();
  expect(await mappings.getByRole('combobox').count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Add mapping' }).count()).toBe(0);
});

test('R2.3 turn sync on from the wizard, import: the progress bar reaches done and the counts are shown', async () => {
  await app.open('import');
  await page.getByRole('button', { name: 'Turn on company sync' }).click();
  await page.getByRole('heading', { name: 'Company sync is off' }).waitFor({ state: 'detached' });
  expect(app.harness.services.settings.get().syncCompanies).toBe(true);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('button', { name: 'Import to HubSpot' }).waitFor();
  const preview = await readOutcomeTable(page, 'What an import would do');
  await page.getByRole('button', { name: 'Import to HubSpot' }).click();
  await page.getByRole('heading', { name: /Import finished/ }).waitFor({ timeout: 60_000 });
  const bar = page.locator('#main').getByRole('progressbar', { name: 'Import progress' });
  expect(await bar.getAttribute('value')).toBe(await bar.getAttribute('max'));
  await page.getByText('100 %').waitFor();
  const done = await readOutcomeTable(page, 'What the import did');
  for (const direction of [0, 1]) {
    expect(done['Created']?.[direction]).toBe(preview['Create']?.[direction]);
    expect(done['Updated']?.[direction]).toBe(preview['Update']?.[direction]);
    expect(done['Failed']?.[direction]).toBe(0);
  }
});

test('R9.4 Sync health shows the numbers after the import', async () => {
  await app.open('sync-health');
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  expect(await stat('Linked pairs')).toBeGreaterThan(100);
  expect(await stat('Salesforce accounts')).toBe(200);
  expect(await stat('Failed records')).toBe(0);
  await page.getByText('No failed records. Every write went through.').waitFor();
  await page.getByRole('img', { name: /This console, last 24 h: \d+ of 20,000/ }).waitFor();
  await page.getByText(/This console: \d+ calls/).waitFor();
  expect(await page.getByRole('button', { name: /Resync errors/ }).isDisabled()).toBe(true);
});

test('R9.1 the Log filters by record id and shows field values before → after', async () => {
  await app.open('log');
  await page.getByRole('table', { name: /Log entries/ }).waitFor();
  const written = (await app.harness.services.handlers.queryLog({ outcome: 'written', afterId: 0, limit: 50 })).entries;
  const entry = written.find((e) => e.operation === 'create' && e.after && Object.keys(e.after).length > 2);
  expect(entry).toBeDefined();
  const recordId = entry?.sfAccountId as string;
  await page.getByLabel('Record id').fill(recordId);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByRole('heading', { name: /\d+ (entry|entries) match/ }).waitFor();
  const rows = page.getByRole('table', { name: /Log entries/ }).locator('tbody > tr');
  const count = await rows.count();
  for (let i = 0; i < count; i++) expect(await rows.nth(i).textContent()).toContain(recordId);
  await page.getByRole('button', { name: `Show details of entry ${entry?.id}` }).click();
  const fields = page.getByRole('table', { name: `Fields of entry ${entry?.id}` });
  const name = String(entry?.after?.name);
  await fields
    .getByRole('row', { name: new RegExp(`name.*\\(blank\\).*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    .waitFor();
});

test('R9.5 the Log exports the filtered entries as CSV', async () => {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^sfhs-log-\d{4}-\d{2}-\d{2}\.csv$/);
  await page.getByText(/^Exported \d+ entries\.$/).waitFor();
});

test('R7.2 mappings are editable while sync is on; a mismatched-type row is refused with "Mismatched types"', async () => {
  await app.open('sync-settings');
  await page.getByRole('button', { name: 'Add mapping' }).click();
  const rows = await page.getByRole('combobox', { name: /^Salesforce field, row/ }).count();
  await page.getByRole('combobox', { name: `Salesforce field, row ${rows}` }).selectOption('CreatedDate');
  await page.getByRole('combobox', { name: `HubSpot property, row ${rows}` }).selectOption('hs_object_source_label');
  await page.getByRole('combobox', { name: `Sync rule, row ${rows}` }).selectOption('ALWAYS_SF');
  await page.getByRole('button', { name: 'Save mappings' }).click();
  const rowError = page.locator(`#mapping-${rows - 1}-error`);
  await rowError.getByText(/Mismatched types/).waitFor();
  expect(await page.getByRole('combobox', { name: `Salesforce field, row ${rows}` }).getAttribute('aria-invalid')).toBe(
    'true',
  );
  // Nothing was saved: main still has the defaults.
  const saved = await app.harness.services.handlers.getMappings({});
  expect(saved.mappings.some((m) => m.sfField === 'CreatedDate')).toBe(false);
});

test('no console errors on any page', async () => {
  for (const route of ['import', 'sync-health', 'log', 'sync-settings']) {
    await app.open(route);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(200);
  }
  expect(app.pageErrors).toEqual([]);
});
