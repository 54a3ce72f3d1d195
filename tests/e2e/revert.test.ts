/**
 * R9.5 revert from the UI in Chromium: a run's "Revert" shows a preview first, then reverts for real; the values
 * the import wrote are back to their before-values in HubSpot.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunSummary } from '../../shared/contract/index.js';
import { allOps, importAll } from '../support/sync-world.js';
import { type SandboxConsole, startSandboxConsole } from './support/sandbox-console.js';

let app: SandboxConsole;
let page: Page;
let imported: RunSummary;
const before = new Map<string, Record<string, string | null>>();

beforeAll(async () => {
  app = await startSandboxConsole('revert');
  page = app.page;
  for (const c of app.harness.sandbox.hubspot.store.tables.companies.scan()) before.set(c.id, { ...c.properties });
  app.harness.services.settings.update({ syncCompanies: true });
  imported = await importAll(app.harness);
});

afterAll(async () => {
  await app?.close();
});

test('R9.5 a run is reverted from the Runs page: preview first, then every changed field is restored', async () => {
  const { services, sandbox } = app.harness;
  await app.open('runs');
  const card = page.getByRole('article', { name: `Run ${imported.runId}` });
  await card.getByRole('button', { name: 'Revert this run…' }).click();
  await card.getByRole('button', { name: 'Preview revert' }).click();
  await card
    .getByRole('status')
    .getByText(/The revert would restore \d+ record/)
    .waitFor();
  // The preview wrote nothing.
  const updates = allOps(services.db, imported.runId, 'update').filter(
    (op) => op.system === 'hubspot' && op.diff.length,
  );
  const sample = updates[0]!;
  const field = sample.diff[0]!.field;
  expect(sandbox.hubspot.store.getCompany(sample.hsCompanyId!)?.properties[field] ?? null).toBe(
    sample.diff[0]!.after === null ? null : String(sample.diff[0]!.after),
  );
  await card.getByRole('button', { name: 'Revert for real' }).click();
  await card.getByText(/Revert started as run/).waitFor();
  await expect.poll(() => services.engine.activeRunId, { timeout: 30_000 }).toBeNull();
  for (const op of updates) {
    for (const change of op.diff) {
      const now = sandbox.hubspot.store.getCompany(op.hsCompanyId!)?.properties[change.field] || null;
      expect(now, `${op.hsCompanyId} ${change.field}`).toBe(before.get(op.hsCompanyId!)?.[change.field] || null);
    }
  }
  await page
    .getByRole('article', { name: /^Run run_/ })
    .filter({ hasText: 'Revert' })
    .first()
    .waitFor();
  // The engagement report downloads from the same page, as one HTML file.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download engagement report' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^sfhs-report-\d{4}-\d{2}-\d{2}\.html$/);
  const html = readFileSync((await file.path()) as string, 'utf8');
  expect(html).toContain('<h2>Runs</h2>');
  expect(html).toContain('revert');
  expect(app.pageErrors).toEqual([]);
});
