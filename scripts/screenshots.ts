/**
 * Screenshots for docs/: the real renderer, served by the real browser-mode server over a throw-away data folder.
 * Run with `npx tsx scripts/screenshots.ts`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../main/app/services.js';
import { startWebServer } from '../main/web/server.js';
import { launchChromium } from '../tests/e2e/support/browser.js';
import { ensureRendererBuilt, projectRoot, rendererOutDir } from '../tests/e2e/support/renderer-build.js';

const docsDir = join(projectRoot, 'docs');

async function main(): Promise<void> {
  await ensureRendererBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'sfhs-screenshots-'));
  const services = createServices({ dataDir, runtime: 'browser', version: '0.1.0' });
  const server = await startWebServer({ services, staticDir: rendererOutDir });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}#/sync-settings`);
    await page.getByRole('switch', { name: 'Sync companies' }).waitFor();
    await page.getByText('Salesforce: not connected').waitFor();
    mkdirSync(docsDir, { recursive: true });
    const file = join(docsDir, 'screenshot-shell.png');
    await page.screenshot({ path: file });
    console.log(`Wrote ${file}`);
  } finally {
    await browser.close();
    await server.close();
    services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
