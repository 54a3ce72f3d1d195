/**
 * R7.6 apply a mapping to existing records from the Sync settings page in Chromium: the mapping's "Apply to
 * existing" shows the previewed diff (per direction) before anything is written, then applies it for real with the
 * run's progress; every linked company ends up with the field's value.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { listRuns } from '../../main/engine/runs/runs-store.js';
import { loadMappings, saveMappings } from '../../main/engine/state/mappings-store.js';
import { allOps, importAll, linkedPairs } from '../support/sync-world.js';
import { type SandboxConsole, startSandboxConsole } from './support/sandbox-console.js';

let app: SandboxConsole;
let page: Page;

beforeAll(async () => {
  app = await startSandboxConsole('apply-mapping');
  page = app.page;
  const { services } = app.harness;
  services.settings.update({ syncCompanies: true });
  // Imported without BillingCity ↔ city, which is then added (R7.6: new mappings are not retroactive).
  const all = loadMappings(services.db);
  saveMappings(
    services.db,
    all.filter((m) => m.sfField !== 'BillingCity'),
  );
  await importAll(app.harness);
  saveMappings(services.db, all);
});

afterAll(async () => {
  await app?.close();
});

test('R7.6 a saved mapping is applied to existing records from its row: preview first, then the run', async () => {
  const { services, sandbox } = app.harness;
  const city = (companyId: string) => sandbox.hubspot.store.getCompany(companyId)?.properties.city || null;
  const account = (id: string) => sandbox.salesforce.store.get('Account', id);
  const pairs = linkedPairs(services.db);
  const differing = pairs.filter((p) => city(p.companyId) !== (account(p.accountId)?.BillingCity ?? null));
  expect(differing.length).toBeGreaterThan(0);
  const citiesBefore = new Map(pairs.map((p) => [p.companyId, city(p.companyId)]));

  await app.open('sync-settings');
  await page.getByRole('button', { name: 'Apply BillingCity to existing records' }).click();
  const panel = page.getByRole('group', { name: 'Apply BillingCity ⇄ city to existing records' });
  await panel.getByRole('button', { name: 'Preview changes' }).click();
  await panel.getByRole('table', { name: 'What applying BillingCity ⇄ city would do' }).waitFor();
  const confirm = panel.getByRole('button', { name: /^Apply to [\d,]+ record\(s\)$/ });
  await confirm.waitFor();
  // The preview wrote nothing.
  expect(new Map(pairs.map((p) => [p.companyId, city(p.companyId)]))).toEqual(citiesBefore);
  const planned = Number((await confirm.textContent())?.replace(/\D/g, ''));
  expect(planned).toBe(differing.length);

  await confirm.click();
  await panel.getByRole('table', { name: 'What applying BillingCity ⇄ city did' }).waitFor({ timeout: 30_000 });
  // The run itself first: a run that stopped or failed shows its table too, and its error says why.
  const [run] = listRuns(services.db, 1);
  expect({ kind: run?.kind, state: run?.state, error: run?.error ?? null }).toEqual({
    kind: 'apply-mapping',
    state: 'completed',
    error: null,
  });
  const failed = allOps(services.db, run!.id).filter((op) => op.state === 'failed');
  expect(failed.map((op) => `${op.hsCompanyId}: ${op.errorCategory} ${op.errorMessage}`)).toEqual([]);
  // Prefer Salesforce unless blank: the account's city wins; a blank one leaves (and takes) the company's.
  const wrong = pairs.flatMap(({ accountId, companyId }) => {
    const sf = (account(accountId)?.BillingCity as string | null | undefined) ?? null;
    const expected = sf ?? citiesBefore.get(companyId) ?? null;
    return city(companyId) === expected ? [] : [{ accountId, companyId, city: city(companyId), expected }];
  });
  expect(wrong).toEqual([]);
  expect(app.pageErrors).toEqual([]);
});
