/**
 * Switching workspaces behind the host's stable handlers (what the desktop app and `sfhs ui` serve): each workspace
 * keeps its own connections and runs against its own sandbox, a switch is refused while a run is going, and folders
 * that are missing or from a newer version are refused while the open workspace keeps working.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import type { WorkspacesView } from '../../shared/contract/index.js';
import { createServices } from '../../main/app/services.js';
import { WorkspaceHost } from '../../main/app/workspaces/host.js';
import { WorkspaceRegistry } from '../../main/app/workspaces/registry.js';
import { resolveStartWorkspace } from '../../main/app/workspaces/resolve.js';
import { connectToSandbox } from '../../main/demo/connect-sandbox.js';
import { latestSchemaVersion } from '../../main/db/migrations/index.js';
import { type Handlers, dispatch } from '../../main/ipc/dispatch.js';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function openHost(root: string): WorkspaceHost {
  const host = new WorkspaceHost({
    start: resolveStartWorkspace({ env: { SFHS_DATA_DIR: root } }),
    base: { runtime: 'cli', version: '0.0.0-test' },
  });
  cleanup.push(() => host.close());
  return host;
}

async function sandbox(seed: number, accounts: number): Promise<Sandbox> {
  const started = await startSandbox({ accounts, seed, hsLimit: 'off' });
  cleanup.push(() => started.close());
  return started;
}

async function call<T>(handlers: Handlers, name: string, args: unknown = {}): Promise<T> {
  const result = await dispatch(handlers, name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

test('two workspaces hold two clients side by side; switching shows each one its own connections and runs', async () => {
  const root = tempDir();
  const [clientA, clientB] = await Promise.all([sandbox(7, 30), sandbox(11, 20)]);
  const host = openHost(root);
  const events: WorkspacesView[] = [];
  host.events.on('workspace', (view) => events.push(view));
  await connectToSandbox(host.current.connections, clientA.info());
  const dryRun = await call<{ runId: string }>(host.handlers, 'startRun', { kind: 'import', dryRun: true });

  await call(host.handlers, 'createWorkspace', { name: 'Client B' });
  const switched = await call<WorkspacesView>(host.handlers, 'switchWorkspace', { id: 'client-b' });
  expect(switched.currentId).toBe('client-b');
  expect(events.map((e) => e.currentId)).toEqual(['default', 'client-b']);
  expect(new WorkspaceRegistry(root).currentId()).toBe('client-b');
  // Nothing of Default shows here: no connections, no runs.
  const fresh = await call<{ salesforce: { connected: boolean } }>(host.handlers, 'getConnections');
  expect(fresh.salesforce.connected).toBe(false);
  expect(await call<unknown[]>(host.handlers, 'listRuns', { includeDryRuns: true })).toEqual([]);
  // Events of the open workspace reach the host's listeners.
  const connectionEvents: string[] = [];
  host.events.on('connections', (status) => connectionEvents.push(status.salesforce.instanceUrl ?? 'none'));
  await connectToSandbox(host.current.connections, clientB.info());
  expect(connectionEvents).toContain(clientB.info().salesforce.url);

  await call(host.handlers, 'switchWorkspace', { id: 'default' });
  const back = await call<{ salesforce: { instanceUrl: string } }>(host.handlers, 'getConnections');
  expect(back.salesforce.instanceUrl).toBe(clientA.info().salesforce.url);
  const runs = await call<{ runId: string }[]>(host.handlers, 'listRuns', { includeDryRuns: true });
  expect(runs.map((r) => r.runId)).toEqual([dryRun.runId]);
  await call(host.handlers, 'switchWorkspace', { id: 'client-b' });
  const b = await call<{ salesforce: { instanceUrl: string } }>(host.handlers, 'getConnections');
  expect(b.salesforce.instanceUrl).toBe(clientB.info().salesforce.url);
});

test('a switch while a run is going is refused, naming the run; it works once the run has ended', async () => {
  const root = tempDir();
  const clientA = await sandbox(7, 30);
  const host = openHost(root);
  await connectToSandbox(host.current.connections, clientA.info());
  host.current.settings.update({ syncCompanies: true });
  await call(host.handlers, 'createWorkspace', { name: 'Other' });
  const started = host.current.engine.start({ kind: 'import', dryRun: false });
  const refused = await dispatch(host.handlers, 'switchWorkspace', { id: 'other' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [started.runId] } });
  expect(!refused.ok && refused.error.message).toMatch(/is going in workspace "Default".*pause or cancel it/);
  expect((await call<WorkspacesView>(host.handlers, 'listWorkspaces')).currentId).toBe('default');
  await started.finished;
  expect((await call<WorkspacesView>(host.handlers, 'switchWorkspace', { id: 'other' })).currentId).toBe('other');
});

test('missing and newer workspaces are listed with what to do, refused on switch, and the open one keeps working', async () => {
  const root = tempDir();
  const registry = new WorkspaceRegistry(root);
  const gone = registry.create('Gone');
  const future = registry.create('Future');
  rmSync(gone.dir, { recursive: true });
  const db = new BetterSqlite3(join(future.dir, 'sfhs.sqlite'));
  db.pragma(`user_version = ${latestSchemaVersion() + 1}`);
  db.close();
  const host = openHost(root);

  const view = await call<WorkspacesView>(host.handlers, 'listWorkspaces');
  expect(view.workspaces.map((w) => [w.id, w.state])).toEqual([
    ['default', 'ready'],
    ['gone', 'missing'],
    ['future', 'newer'],
  ]);
  expect(await dispatch(host.handlers, 'switchWorkspace', { id: 'gone' })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND', message: expect.stringMatching(/"Gone" is missing/) },
  });
  expect(await dispatch(host.handlers, 'switchWorkspace', { id: 'future' })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: expect.stringMatching(/"Future" was written by a newer version/) },
  });
  expect(await dispatch(host.handlers, 'switchWorkspace', { id: 'nobody' })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  expect(await dispatch(host.handlers, 'createWorkspace', { name: '' })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION' },
  });
  // The open workspace is untouched by all of that.
  expect((await call<WorkspacesView>(host.handlers, 'listWorkspaces')).currentId).toBe('default');
  await call(host.handlers, 'getSettings');
  const removed = await call<WorkspacesView>(host.handlers, 'removeWorkspace', { id: 'gone' });
  expect(removed.workspaces.map((w) => w.id)).toEqual(['default', 'future']);
});

test('services opened on one folder alone list that folder and refuse to change workspaces', async () => {
  const dir = tempDir();
  const services = createServices({ dataDir: dir, runtime: 'cli', version: '0.0.0-test' });
  cleanup.push(() => services.close());
  expect(await call<WorkspacesView>(services.handlers, 'listWorkspaces')).toMatchObject({ pinnedFolder: dir });
  expect(await dispatch(services.handlers, 'createWorkspace', { name: 'A' })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: expect.stringMatching(/pins one folder/) },
  });
});
