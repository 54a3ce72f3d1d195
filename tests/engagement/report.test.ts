/**
 * The engagement report against the sandbox: `sfhs report --out FILE` after an import with refused values, holds
 * and a decision; the file is self-contained HTML with each section, opened in Chromium and screenshotted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { cliWorld } from '../cli/support.js';
import { launchChromium } from '../e2e/support/browser.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();

test('sfhs report writes one self-contained HTML file with runs per direction, refused values and holds', async () => {
  const world = await cliWorld();
  await world.syncOn();
  expect((await world.sfhs('import')).code).toBeLessThanOrEqual(8);
  const held = (await world.sfhs('holds', '--json')).json().holds as { sfAccountId: string }[];
  expect(held.length).toBeGreaterThan(0);
  expect((await world.sfhs('holds', 'skip', held[0]!.sfAccountId)).code).toBe(0);

  const file = join(tempDir(), 'report.html');
  const written = await world.sfhs('report', '--out', file);
  expect(written.code, written.err).toBe(0);
  expect(written.out).toContain(file);
  const html = readFileSync(file, 'utf8');
  // Self-contained: no script, no external stylesheet, image or font.
  expect(html).not.toMatch(/<script|<link |src="http|url\(http/i);
  for (const heading of [
    'Connections',
    'Runs',
    'Values the other system refused',
    'Records held for review',
    'API use',
  ])
    expect(html).toContain(`<h2>${heading}</h2>`);
  expect(html).toContain('Salesforce → HubSpot');
  expect(html).toContain('<svg role="img" aria-label="Records written per run and direction"');
  expect(html).toContain(held[0]!.sfAccountId);

  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    await page.goto(`file://${file}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('engagement report');
    await page.screenshot({
      path: process.env.SFHS_REPORT_SCREENSHOT ?? join(tempDir(), 'report.png'),
      fullPage: true,
    });
    // Prints to PDF from the browser as it is.
    expect((await page.pdf()).byteLength).toBeGreaterThan(10_000);
  } finally {
    await browser.close();
  }
});
