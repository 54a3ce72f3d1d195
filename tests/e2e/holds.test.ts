/**
 * R6.4 hold review in Chromium: from Sync health to the queue, link one held account to a candidate, skip the rest
 * in bulk; the decisions are carried out (verified in HubSpot) and a second import holds none.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { companiesByAccountId, importAll } from '../support/sync-world.js';
import { type SandboxConsole, startSandboxConsole } from './support/sandbox-console.js';

let app: SandboxConsole;
let page: Page;

beforeAll(async () => {
  app = await startSandboxConsole('holds');
  page = app.page;
  app.harness.services.settings.update({ syncCompanies: true, matchByDomain: true });
  await importAll(app.harness);
});

afterAll(async () => {
  await app?.close();
});

test('R6.4 every held record of an import is resolved from the UI; a second import holds none', async () => {
  const { services, sandbox } = app.harness;
  const queue = await services.handlers.listHolds({ limit: 100 });
  expect(queue.total).toBeGreaterThanOrEqual(2);
  const [first, ...rest] = queue.holds;

  await app.open('sync-health');
  await page.getByRole('link', { name: `Review the ${queue.total} held records` }).click();
  await page.getByRole('heading', { name: 'Hold review', level: 1 }).waitFor();
  const card = page.getByRole('article', { name: `Held account ${first!.sfAccountId}` });
  // The facts that make each company a candidate are shown with it.
  await card
    .getByText(/shared contact|Same domain/)
    .first()
    .waitFor();
  const chosen = first!.candidates[0]!.companyId;
  await card.getByRole('button', { name: `Link ${first!.sfAccountId} to company ${chosen}` }).click();
  await page
    .getByRole('status')
    .getByText(/being carried out by run/)
    .waitFor();
  await page
    .getByRole('article', { name: `Held account ${first!.sfAccountId}` })
    .waitFor({ state: 'detached', timeout: 30_000 });
  expect(
    companiesByAccountId(sandbox)
      .get(first!.sfAccountId)
      ?.map((c) => c.id),
  ).toEqual([chosen]);

  for (const hold of rest) await page.getByRole('checkbox', { name: `Select ${hold.sfAccountId}` }).check();
  await page.getByRole('button', { name: `Skip selected (${rest.length})` }).click();
  await page.getByRole('heading', { name: 'Nothing is held' }).waitFor({ timeout: 30_000 });
  expect((await services.handlers.getHealth({})).holds).toBe(0);

  // The skips are decided at once; the run that journals them ends soon after.
  await expect.poll(() => services.engine.activeRunId, { timeout: 30_000 }).toBeNull();
  const second = await services.engine.run({ kind: 'import', dryRun: false });
  expect(second.counts.hold).toBe(0);
  expect(app.pageErrors).toEqual([]);
});
