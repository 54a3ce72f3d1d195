/**
 * "Explore with demo data" (issue "Sandbox"): a new user with nothing connected starts the demo from the Connections
 * page of the real `sfhs ui`, sees both connections come up, previews an import, and leaves the demo again.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openSpawnedConsole, type SpawnedConsole } from './support/spawned-console.js';

let console_: SpawnedConsole;
let ui: SpawnedConsole['ui'];
let page: SpawnedConsole['page'];
let pageErrors: string[];

beforeAll(async () => {
  console_ = await openSpawnedConsole('demo');
  ({ ui, page, pageErrors } = console_);
});

afterAll(async () => {
  await console_?.close();
});

test('with nothing connected the Connections page offers the demo; starting it connects both sides', async () => {
  await page.getByRole('heading', { level: 2, name: 'Explore with demo data' }).waitFor();
  await page.getByRole('button', { name: 'Explore with demo data' }).click();
  const status = page.getByRole('region', { name: 'Status' });
  await status.getByText(/^Salesforce: connected/).waitFor({ timeout: 30_000 });
  await status.getByText(/^HubSpot: connected/).waitFor();
  await page.getByRole('heading', { level: 2, name: 'You are exploring demo data' }).waitFor();
});

test('the demo org can be previewed like a real one', async () => {
  await page.goto(`${ui.origin}/#/import`);
  await page
    .getByRole('button', { name: /preview/i })
    .first()
    .click();
  await page
    .getByText(/create/i)
    .first()
    .waitFor();
  await page.waitForFunction(() => /\d{3,}/.test(document.querySelector('main')?.textContent ?? ''), null, {
    timeout: 30_000,
  });
});

test('leaving the demo disconnects both sides', async () => {
  await page.goto(`${ui.origin}/#/connections`);
  await page.getByRole('button', { name: 'Leave the demo' }).click();
  const status = page.getByRole('region', { name: 'Status' });
  await status.getByText('Salesforce: not connected').waitFor();
  await status.getByText('HubSpot: not connected').waitFor();
  expect(pageErrors).toEqual([]);
});
