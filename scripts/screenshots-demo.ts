/**
 * Screenshots of the console against the demo, as a new user sees it: `sfhs ui --demo` on a fresh folder, company
 * sync turned on, one import run from the Import page; then the finished Import page, Companies, Sync health and
 * the Log of that import, Sync settings, and Workspaces with a second one created. Writes
 * docs/screenshot-{import,companies,health,log,shell,workspaces}.png.
 * Run with `npx tsx scripts/screenshots-demo.ts`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/support/browser.js';
import { ensureRendererBuilt, projectRoot } from '../tests/e2e/support/renderer-build.js';

const docsDir = join(projectRoot, 'docs');

/**
 * `sfhs ui --demo --json`: its link is the first line that parses as JSON with a url (seeding comes first). The
 * folder is the app's folder (SFHS_DATA_DIR), not a pinned --data-dir, so the status bar shows the Default workspace.
 */
async function startDemo(appFolder: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(projectRoot, 'bin', 'sfhs.js'), 'ui', '--demo', '--json'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, SFHS_DATA_DIR: appFolder },
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    try {
      const parsed = JSON.parse(String(line)) as { url?: string };
      if (parsed.url) return { url: parsed.url, child };
    } catch {
      // A progress line while the demo is seeded.
    }
  }
  throw new Error('sfhs ui --demo ended before printing its link');
}

/** Scrolls the content pane (the shell is one viewport tall) so `selector` is at the top. */
async function scrollTo(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const main = document.getElementById('main');
    const target = document.querySelector(sel);
    if (main && target instanceof HTMLElement) {
      main.scrollTop = target.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop - 16;
    }
  }, selector);
}

async function shoot(page: Page, name: string): Promise<void> {
  const file = join(docsDir, `screenshot-${name}.png`);
  await page.screenshot({ path: file });
  console.log(`Wrote ${file}`);
}

async function main(): Promise<void> {
  await ensureRendererBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'sfhs-screenshots-demo-'));
  const { url, child } = await startDemo(dataDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await page.goto(url);
    const origin = new URL(url).origin;
    await page.goto(`${origin}/#/import`);
    await page.getByRole('button', { name: 'Turn on company sync' }).click();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByRole('button', { name: 'Import to HubSpot' }).click({ timeout: 120_000 });
    await page.getByRole('heading', { name: /^Import (finished|failed)/ }).waitFor({ timeout: 300_000 });
    await page.getByRole('table', { name: 'What the import did' }).waitFor();
    await page.setViewportSize({ width: 1360, height: 1500 });
    await scrollTo(page, '#import-run-title');
    await shoot(page, 'import');

    await page.setViewportSize({ width: 1360, height: 1300 });
    await page.goto(`${origin}/#/companies`);
    await page.getByRole('list', { name: 'Companies per reason' }).waitFor();
    await page.locator('.companies-table tbody tr').first().waitFor();
    await shoot(page, 'companies');

    await page.setViewportSize({ width: 1360, height: 1400 });
    await page.goto(`${origin}/#/sync-health`);
    await page.getByRole('table', { name: /^What the last import did$/ }).waitFor();
    await shoot(page, 'health');

    await page.goto(`${origin}/#/sync-health`);
    await page.getByRole('link', { name: 'See its log' }).click();
    await page.getByRole('table', { name: 'What it did' }).waitFor();
    await page.getByLabel('Outcome').selectOption({ label: 'Value not written' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('heading', { name: /entries match/ }).waitFor();
    await scrollTo(page, '#log-results-title');
    await shoot(page, 'log');

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${origin}/#/sync-settings`);
    await page.getByRole('heading', { name: 'Sync settings', level: 1 }).waitFor();
    await shoot(page, 'shell');

    await page.goto(`${origin}/#/workspaces`);
    const create = page.getByRole('region', { name: 'New workspace' });
    await create.getByLabel('Name').fill('Globex migration');
    await create.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('article', { name: 'Workspace Globex migration' }).waitFor();
    await shoot(page, 'workspaces');
  } finally {
    await browser.close();
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
