/**
 * Screenshots for docs/: the real renderer, served by the real browser-mode server. The shell over a throw-away
 * empty data folder; the data pages over the sandbox (both emulators, seeded) after a real import.
 * Run with `npx tsx scripts/screenshots.ts`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createServices } from '../main/app/services.js';
import { startWebServer } from '../main/web/server.js';
import { parseFaultSpec } from '../sandbox/faults/faults.js';
import { launchChromium } from '../tests/e2e/support/browser.js';
import { ensureRendererBuilt, projectRoot, rendererOutDir } from '../tests/e2e/support/renderer-build.js';
import { startSandboxConsole } from '../tests/e2e/support/sandbox-console.js';

const docsDir = join(projectRoot, 'docs');

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  const file = join(docsDir, `screenshot-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(`Wrote ${file}`);
}

async function shell(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sfhs-screenshots-'));
  const services = createServices({ dataDir, runtime: 'browser', version: '0.1.0' });
  const server = await startWebServer({ services, staticDir: rendererOutDir });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}#/sync-settings`);
    await page.getByRole('switch', { name: 'Sync companies' }).waitFor();
    await page.getByText('Salesforce: not connected').waitFor();
    await shoot(page, 'shell');
  } finally {
    await browser.close();
    await server.close();
    services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function dataPages(): Promise<void> {
  const app = await startSandboxConsole('screenshots');
  const { page, harness } = app;
  try {
    await page.setViewportSize({ width: 1360, height: 900 });
    // An import with some records failing, so sync health has something to show.
    harness.services.settings.update({ syncCompanies: true });
    harness.sandbox.hubspot.faults.configure(parseFaultSpec('partial=0.1,seed=3'));
    await harness.services.engine.run({ kind: 'import', dryRun: false }).catch(() => undefined);
    harness.sandbox.hubspot.faults.configure(parseFaultSpec(''));

    // The import preview: a fresh dry run after the import shows updates, holds and reasons.
    await app.open('import');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByRole('table', { name: 'Planned operations' }).waitFor();
    // Tall enough for the numbers and the first planned operations with their field diffs.
    await page.setViewportSize({ width: 1360, height: 1500 });
    await page.getByRole('button', { name: /^Update/ }).click();
    await page.getByRole('table', { name: 'Planned operations' }).getByRole('row').nth(1).waitFor();
    // Scroll the content pane (not the window: the shell is exactly one viewport tall) to step 2.
    await page.evaluate(() => {
      const main = document.getElementById('main');
      const card = document.getElementById('import-preview-title')?.closest('section');
      if (main && card) main.scrollTop = card.offsetTop - main.offsetTop - 24;
    });
    await shoot(page, 'import');
    await page.setViewportSize({ width: 1360, height: 900 });

    await app.open('sync-health');
    await page.getByRole('heading', { name: /Errors by category/ }).waitFor();
    await shoot(page, 'health');

    await app.open('log');
    await page.getByRole('table', { name: /Log entries/ }).waitFor();
    // Conflicts (both sides changed, R7.4), two opened to show both values and before → after.
    await page.getByLabel('Outcome').selectOption('conflict');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText(/entries match|entry match/).waitFor();
    await page
      .getByRole('button', { name: /Show details of entry/ })
      .first()
      .click();
    await page
      .getByRole('button', { name: /Show details of entry/ })
      .first()
      .click();
    await shoot(page, 'log');
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  await ensureRendererBuilt();
  mkdirSync(docsDir, { recursive: true });
  await shell();
  await dataPages();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
