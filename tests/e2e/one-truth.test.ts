/**
 * One truth across the console: for the same import, the Import page, Sync health and the Log read the same
 * numbers per direction, values not written included, each with field, value, why and the fix; the Import page
 * after finishing shows its outcome and the next step; the Companies row names its linked account in words.
 * Real Chromium, the real browser-mode server, engine and emulators (seeded sandbox).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { formatDateTime } from '../../renderer/src/format/format.js';
import { runKindLabels, runStateLabels } from '../../renderer/src/format/labels.js';
import { firstRejectedValue, type OutcomeNumbers, readOutcomeTable } from './support/outcome.js';
import { type SandboxConsole, startSandboxConsole } from './support/sandbox-console.js';

let app: SandboxConsole;
let page: Page;
let onImport: OutcomeNumbers;
let rejectedOnImport: { field: string; value: string; why: string };

beforeAll(async () => {
  app = await startSandboxConsole('one-truth');
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

/** Step numbers of the cards, in the order a person meets them on the page. */
const stepOrder = () =>
  page.locator('main section.card h2 .step-number, main form.card h2 .step-number').allTextContents();

test('R2.3 the Import page walks through its steps in order and, finished, shows the outcome and the next step', async () => {
  await app.open('import');
  const steps = page.getByRole('navigation', { name: 'Import steps' });
  await steps.getByText('Choose the accounts, then preview').waitFor();
  await page.getByRole('button', { name: 'Turn on company sync' }).click();
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await steps.getByText('Previewed: nothing written yet').waitFor({ timeout: 60_000 });
  const preview = await readOutcomeTable(page, 'What an import would do');
  // The decisions of each direction add up to the records it considered.
  for (const direction of [0, 1]) {
    const sum = ['Create', 'Update', 'Unchanged', 'Hold'].reduce((n, row) => n + (preview[row]?.[direction] ?? 0), 0);
    expect(sum).toBe(preview['Records considered']?.[direction]);
  }
  expect(preview['Create']?.[0]).toBeGreaterThan(0);
  expect(preview['Hold']?.[0]).toBeGreaterThan(0);
  await page.getByText('Nothing has been written yet.').waitFor();

  await page.getByRole('button', { name: 'Import to HubSpot' }).click();
  await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 90_000 });
  await steps.getByText('Finished').waitFor();
  expect(await stepOrder()).toEqual(['1', '2', '3']);
  expect(await page.getByText('Nothing has been written yet.').count()).toBe(0);

  onImport = await readOutcomeTable(page, 'What the import did');
  expect(onImport['Created']?.[0]).toBe(preview['Create']?.[0]);
  expect(onImport['Held for review']?.[0]).toBe(preview['Hold']?.[0]);
  const values = onImport['Field values not written'] ?? [0, 0];
  expect(values[0] + values[1]).toBeGreaterThan(0);
  rejectedOnImport = await firstRejectedValue(page);
  expect(rejectedOnImport.field).not.toBe('');
  expect(rejectedOnImport.why).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);

  const next = page.locator('.next-steps');
  await next.getByRole('button', { name: /^Fix [\d,]+ field values? not written$/ }).waitFor();
  await next.getByRole('link', { name: /^Review [\d,]+ held records?$/ }).waitFor();
  await next.getByRole('button', { name: 'Run again' }).waitFor();
  await page.getByRole('progressbar', { name: 'Import progress' }).waitFor();
  expect(await page.getByRole('progressbar', { name: 'Import progress' }).getAttribute('value')).toBe('1000');
}, 180_000);

test('R9.4 Sync health shows the same numbers for that run, and the value not written with its fix', async () => {
  await app.open('sync-health');
  const health = await readOutcomeTable(page, /^What the last import did$/);
  expect(health).toEqual(onImport);
  const values = onImport['Field values not written'] ?? [0, 0];
  const stat = page.locator('.stat', { has: page.locator('dt', { hasText: /^Field values not written$/ }) });
  const shown = (await stat.locator('.stat-value').textContent()) ?? '';
  expect(Number(shown.replace(/,/g, ''))).toBe(values[0] + values[1]);
  expect(await firstRejectedValue(page)).toEqual(rejectedOnImport);
  await page.getByText(/the last run left out [\d,]+ field values/).waitFor();
});

test('R9.1 the Log shows the same numbers for that run, and lists each value not written', async () => {
  await app.open('sync-health');
  await page.getByRole('link', { name: 'See its log' }).click();
  const log = await readOutcomeTable(page, 'What it did');
  expect(log).toEqual(onImport);
  // The run picker names the run by its kind and time, not by its id.
  const picker = page
    .locator('label.filter', { has: page.locator('.field-label', { hasText: /^Run$/ }) })
    .locator('select');
  const run = app.harness.services.engine.summary(await picker.inputValue());
  const picked = (await picker.locator('option:checked').textContent()) ?? '';
  expect(picked).toBe(
    `${runKindLabels[run.kind]} · ${formatDateTime(run.createdAt)} · ${runStateLabels[run.state].toLowerCase()}`,
  );
  expect(picked).not.toContain(run.runId.replace(/^run_/, ''));
  expect(await firstRejectedValue(page)).toEqual(rejectedOnImport);

  await page.getByLabel('Outcome').selectOption({ label: 'Value not written' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const values = onImport['Field values not written'] ?? [0, 0];
  await page
    .getByRole('heading', { name: `${(values[0] + values[1]).toLocaleString('en-US')} entries match` })
    .waitFor();
  const row = page
    .getByRole('table', { name: /Log entries/ })
    .locator('tbody > tr')
    .first();
  const text = await row.textContent();
  expect(text).toContain('Value not written');
  expect(text).toContain('Fix:');
  expect(text).not.toMatch(/[{[]"/);
}, 60_000);

test('R9.5 the Log finds a company by its name and by its domain', async () => {
  const created = (
    await app.harness.services.handlers.queryLog({ outcome: 'written', afterId: 0, limit: 200 })
  ).entries.find((e) => e.name && e.domain);
  expect(created).toBeDefined();
  await app.open('log');
  for (const text of [created?.name as string, created?.domain as string]) {
    await page.getByLabel('Search').fill(text);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('heading', { name: /\d+ (entry|entries) match/ }).waitFor();
    const rows = page.getByRole('table', { name: /Log entries/ }).locator('tbody > tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const cell of await page.locator('.log-table tbody td.record-cell').allTextContents()) {
      expect(cell.toLowerCase()).toContain(text.toLowerCase());
    }
  }
});

test('R3.4 after the import, a Companies row names its linked account and every reason is in words', async () => {
  await app.open('companies');
  await page.getByRole('button', { name: 'Refresh from both systems' }).click();
  await page.getByText(/^Showing [\d,]+ of [\d,]+$/).waitFor({ timeout: 30_000 });
  const chart = page.getByRole('list', { name: 'Companies per reason' });
  await chart.getByRole('button', { name: 'Linked to an account' }).click();
  // A company the import created or matched: its account by name and id, as the Salesforce cache names it.
  const accounts = page.locator('.companies-table tbody tr td:nth-child(2)');
  await accounts
    .getByText(/^Linked to .+ 001[A-Za-z0-9]{12,15}$/)
    .first()
    .waitFor({ timeout: 30_000 });
  const table = await page.locator('.companies-table').textContent();
  expect(table).not.toContain('No account');
  expect(table).not.toMatch(/\b(ALREADY_LINKED|VETO_[A-Z_]+|CREATE_[A-Z_]+|NO_CRITERION_MET)\b/);
  expect(await page.getByRole('list', { name: 'What the colours mean' }).textContent()).toContain('Already linked');
  expect(app.pageErrors).toEqual([]);
}, 60_000);
