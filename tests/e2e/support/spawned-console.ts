/**
 * The real `sfhs ui` on a fresh data folder, and a Chromium page at its secret link: what the shell and demo tests
 * start from.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchChromium } from './browser.js';
import { type SpawnedUi, spawnUi } from './cli.js';
import { ensureRendererBuilt } from './renderer-build.js';

export interface SpawnedConsole {
  dataDir: string;
  ui: SpawnedUi;
  browser: Browser;
  page: Page;
  pageErrors: string[];
  /** Closes the browser, stops `sfhs ui` (Ctrl-C) and removes the folder; resolves with its exit code. */
  close(): Promise<number | null>;
}

export async function openSpawnedConsole(name: string): Promise<SpawnedConsole> {
  await ensureRendererBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), `sfhs-e2e-${name}-`));
  const ui = await spawnUi(dataDir);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const pageErrors = collectPageErrors(page);
  await page.goto(ui.url);
  return {
    dataDir,
    ui,
    browser,
    page,
    pageErrors,
    async close() {
      await browser.close();
      const code = await ui.stop();
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
