/**
 * Workspaces in Chromium: two clients side by side (two sandboxes with different seeds, each imported into its own
 * workspace), switched from the Workspaces page; the status bar always names the open one, and the Companies,
 * Connections and Log pages show each workspace's own data. A workspace is also created and renamed from the page,
 * and one whose folder is missing is named as such and taken off the list.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { WorkspaceHost } from '../../main/app/workspaces/host.js';
import { WorkspaceRegistry } from '../../main/app/workspaces/registry.js';
import { resolveStartWorkspace } from '../../main/app/workspaces/resolve.js';
import { connectToSandbox } from '../../main/demo/connect-sandbox.js';
import { type RunningWebServer, startWebServer } from '../../main/web/server.js';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';
import { collectPageErrors, launchChromium } from './support/browser.js';
import { ensureRendererBuilt, rendererOutDir } from './support/renderer-build.js';

interface ClientFacts {
  instanceUrl: string;
  companies: number;
  /** A record name in this client's log that the other client's log does not have. */
  logName: string;
}

let root: string;
let sandboxes: Sandbox[] = [];
let host: WorkspaceHost;
let server: RunningWebServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];
const facts: Record<'default' | 'globex', ClientFacts> = {} as never;

async function importClient(sandbox: Sandbox): Promise<Omit<ClientFacts, 'logName'> & { names: string[] }> {
  const services = host.current;
  await connectToSandbox(services.connections, sandbox.info());
  services.settings.update({ syncCompanies: true });
  const run = await services.engine.run({ kind: 'import', dryRun: false });
  expect(run.state).toBe('completed');
  const preview = await services.handlers.previewCompanies({ limit: 1, refresh: false });
  const { entries } = await services.handlers.queryLog({ runId: run.runId, limit: 1000, afterId: 0 });
  return {
    instanceUrl: sandbox.info().salesforce.url,
    companies: Object.values(preview.counts).reduce((a, b) => a + b, 0),
    names: entries.map((e) => e.name).filter((n): n is string => Boolean(n)),
  };
}

beforeAll(async () => {
  await ensureRendererBuilt();
  root = mkdtempSync(join(tmpdir(), 'sfhs-e2e-workspaces-'));
  sandboxes = await Promise.all([
    startSandbox({ accounts: 40, seed: 7, hsLimit: 'off' }),
    startSandbox({ accounts: 25, seed: 23, hsLimit: 'off' }),
  ]);
  new WorkspaceRegistry(root).create('Globex');
  // A workspace whose folder was deleted behind the console's back.
  rmSync(new WorkspaceRegistry(root).create('Gone').dir, { recursive: true });
  host = new WorkspaceHost({
    start: resolveStartWorkspace({ env: { SFHS_DATA_DIR: root } }),
    base: { runtime: 'browser', version: '0.0.0-test' },
  });
  const a = await importClient(sandboxes[0]!);
  await host.switchTo('globex');
  const b = await importClient(sandboxes[1]!);
  await host.switchTo('default');
  const only = (mine: string[], theirs: string[]) => mine.find((n) => !theirs.includes(n))!;
  facts.default = { ...a, logName: only(a.names, b.names) };
  facts.globex = { ...b, logName: only(b.names, a.names) };
  expect(facts.default.companies).not.toBe(facts.globex.companies);
  server = await startWebServer({ services: host, staticDir: rendererOutDir });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  pageErrors = collectPageErrors(page);
  await page.goto(server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  host?.close();
  await Promise.all(sandboxes.map((s) => s.close()));
  if (root) rmSync(root, { recursive: true, force: true });
});

const statusBar = () => page.getByRole('region', { name: 'Status' });
const open = (route: string) => page.goto(`${server.origin}/#/${route}`);

async function expectClient(which: 'default' | 'globex', other: 'default' | 'globex'): Promise<void> {
  const mine = facts[which];
  await open('connections');
  await page.getByText(mine.instanceUrl).first().waitFor();
  expect(await page.getByText(facts[other].instanceUrl).count()).toBe(0);
  await open('companies');
  await page.getByText(new RegExp(`^${mine.companies} companies`)).waitFor();
  await open('log');
  await page.getByText(mine.logName).first().waitFor();
  expect(await page.getByText(facts[other].logName, { exact: true }).count()).toBe(0);
}

test('two workspaces hold two clients side by side; switching in the UI shows each one its own data', async () => {
  await statusBar().getByRole('link', { name: 'Workspace: Default' }).waitFor();
  await expectClient('default', 'globex');

  await statusBar().getByRole('link', { name: 'Workspace: Default' }).click();
  await page.getByRole('heading', { name: 'Workspaces', level: 1 }).waitFor();
  await page.getByText(/A switch is refused while a run is going/).waitFor();
  await page.getByRole('button', { name: 'Switch to Globex' }).click();
  // The page reloads with the other workspace's data; the status bar names it.
  await statusBar().getByRole('link', { name: 'Workspace: Globex' }).waitFor();
  expect(host.workspace.id).toBe('globex');
  await expectClient('globex', 'default');

  // Created and renamed from the page; a duplicate name is refused with its category.
  await open('workspaces');
  const create = page.getByRole('region', { name: 'New workspace' });
  await create.getByLabel('Name').fill('Initech');
  await create.getByRole('button', { name: 'Create workspace' }).click();
  const initech = page.getByRole('article', { name: 'Workspace Initech' });
  await initech.waitFor();
  await initech.getByRole('button', { name: 'Rename Initech' }).click();
  await initech.getByLabel('New name').fill('globex');
  await initech.getByRole('button', { name: 'Save name' }).click();
  await page
    .getByRole('alert')
    .getByText(/already a workspace named "Globex".*\(VALIDATION\)/)
    .waitFor();
  await initech.getByLabel('New name').fill('Initech Corp');
  await initech.getByRole('button', { name: 'Save name' }).click();
  await page.getByRole('article', { name: 'Workspace Initech Corp' }).waitFor();
  // The missing folder is named with what to do; it cannot be switched to, and is taken off the list.
  const gone = page.getByRole('article', { name: 'Workspace Gone' });
  await gone.getByText('Folder missing').waitFor();
  await gone.getByText(/point the workspace at its new place; otherwise remove it from the list/).waitFor();
  expect(await gone.getByRole('button', { name: 'Switch to Gone' }).count()).toBe(0);
  await gone.getByRole('button', { name: 'Remove Gone from the list' }).click();
  await gone.waitFor({ state: 'detached' });
  expect(new WorkspaceRegistry(root).list().map((w) => w.name)).toEqual(['Default', 'Globex', 'Initech Corp']);

  await page.getByRole('button', { name: 'Switch to Default' }).click();
  await statusBar().getByRole('link', { name: 'Workspace: Default' }).waitFor();
  await expectClient('default', 'globex');
  expect(pageErrors).toEqual([]);
}, 120_000);
