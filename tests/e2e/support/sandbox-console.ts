import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type RunningWebServer, startWebServer } from '../../../main/web/server.js';
import { type Harness, startHarness } from '../../support/engine-harness.js';
import { collectPageErrors, launchChromium } from './browser.js';
import { ensureRendererBuilt, rendererOutDir } from './renderer-build.js';

export interface SandboxConsole {
  harness: Harness;
  server: RunningWebServer;
  browser: Browser;
  page: Page;
  /** Console errors and uncaught exceptions of `page`. */
  pageErrors: string[];
  /** Opens a page of the console by route, e.g. `import`. */
  open(route: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The console as a person uses it with realistic data: both emulators seeded (the engine harness), a data folder
 * connected to them, browser mode serving the built renderer on those services, and real Chromium.
 */
export async function startSandboxConsole(name: string): Promise<SandboxConsole> {
  await ensureRendererBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), `sfhs-e2e-${name}-`));
  const harness = await startHarness(dataDir);
  const server = await startWebServer({ services: harness.services, staticDir: rendererOutDir });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const pageErrors = collectPageErrors(page);
  // The first visit carries the secret and sets the session cookie; later visits need only the origin.
  await page.goto(server.url);
  return {
    harness,
    server,
    browser,
    page,
    pageErrors,
    open: async (route) => {
      await page.goto(`${server.origin}/#/${route}`);
    },
    close: async () => {
      await browser.close();
      await server.close();
      await harness.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
