/**
 * Sync health after a partial failure (R9.2–R9.4): HubSpot rejects some records of each batch write (sandbox
 * faults), the page shows the categories and the records, exports them, and "Resync errors" clears them once
 * HubSpot accepts writes again.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { categoryLabel } from '../../renderer/src/format/labels.js';
import { parseFaultSpec } from '../../sandbox/faults/faults.js';
import { readOutcomeTable } from './support/outcome.js';
import { type SandboxConsole, startSandboxConsole } from './support/sandbox-console.js';

let app: SandboxConsole;
let page: Page;

beforeAll(async () => {
  app = await startSandboxConsole('health');
  page = app.page;
  app.harness.services.settings.update({ syncCompanies: true });
});

afterAll(async () => {
  await app?.close();
});

const failedRecords = async () =>
  Number(
    (
      await page
        .locator('.stat', { has: page.locator('dt', { hasText: /^Failed records$/ }) })
        .locator('.stat-value')
        .textContent()
    )?.replace(/,/g, ''),
  );

test('R9.4 after an import with per-record failures, health shows them per category, with the records', async () => {
  app.harness.sandbox.hubspot.faults.configure(parseFaultSpec('partial=0.2,seed=3'));
  await app.open('import');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('button', { name: 'Import to HubSpot' }).click();
  await page.getByRole('heading', { name: /Import (finished|failed|paused)/ }).waitFor({ timeout: 60_000 });
  const outcome = await readOutcomeTable(page, 'What the import did');
  const failedInRun = (outcome['Failed']?.[0] ?? 0) + (outcome['Failed']?.[1] ?? 0);
  expect(failedInRun).toBeGreaterThan(0);
  await page
    .locator('.next-steps')
    .getByRole('link', { name: /^See [\d,]+ failed records?$/ })
    .click();

  await page.getByRole('heading', { name: /Problems by category/ }).waitFor();
  const health = await app.harness.services.handlers.getHealth({});
  const expected = Object.values(health.errorsByCategory).reduce((a, b) => a + b, 0);
  expect(expected).toBeGreaterThan(0);
  expect(await failedRecords()).toBe(expected);
  // Each category with failures is a bar with its count; the table lists every record.
  const chart = page.getByRole('list', { name: 'Problems per error category' });
  const hit = chart.locator('.bar-row-hit');
  expect(await hit.count()).toBeGreaterThanOrEqual(Object.keys(health.errorsByCategory).length);
  for (const [category, count] of Object.entries(health.errorsByCategory)) {
    expect(
      await hit
        .filter({ hasText: categoryLabel(category) })
        .locator('.bar-count')
        .textContent(),
    ).toMatch(new RegExp(`^${count}( · |$)`));
  }
  expect(await chart.locator('.bar-row').count()).toBeGreaterThanOrEqual(8);
  const first = health.retries[0];
  await page
    .getByRole('table', { name: /Failed records/ })
    .getByText(first?.recordId as string)
    .waitFor();
});

test('R9.4 errors export to CSV: one row per failed record', async () => {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export errors to CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^sfhs-errors-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path()) as string, 'utf8').replace(/^\ufeff/, '');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('system,record_id,operation,category,message,attempts,next_attempt_at');
  expect(lines.length - 1).toBe(await failedRecords());
});

test('R9.3 with HubSpot healthy again, "Resync errors" clears them', async () => {
  app.harness.sandbox.hubspot.faults.configure(parseFaultSpec(''));
  await page.getByRole('button', { name: /^Resync errors \(\d+\)$/ }).click();
  await page.getByText('No failed records. Every write went through.').waitFor({ timeout: 60_000 });
  expect(await failedRecords()).toBe(0);
  expect((await app.harness.services.handlers.getHealth({})).retries).toEqual([]);
  await page.getByRole('heading', { name: 'Last run' }).waitFor();
  await page.getByText(/^Resync$/).waitFor();
});

test('no console errors', () => {
  expect(app.pageErrors).toEqual([]);
});
