/** The workspace list of an app folder: names, ids, folders, and the bad input a person can give it. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { AppError } from '../../main/app/errors.js';
import { probeWorkspace } from '../../main/app/workspaces/probe.js';
import { registryFileName } from '../../main/app/workspaces/registry-file.js';
import { WorkspaceRegistry } from '../../main/app/workspaces/registry.js';
import { resolveStartWorkspace } from '../../main/app/workspaces/resolve.js';
import { latestSchemaVersion } from '../../main/db/migrations/index.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a refusal');
}

test('an app folder without a list has one workspace, Default, in the folder itself; listing writes nothing', () => {
  const root = tempDir();
  const registry = new WorkspaceRegistry(root);
  expect(registry.list().map((w) => ({ id: w.id, name: w.name, dir: w.dir }))).toEqual([
    { id: 'default', name: 'Default', dir: root },
  ]);
  expect(registry.currentId()).toBe('default');
  expect(existsSync(join(root, registryFileName))).toBe(false);
  expect(resolveStartWorkspace({ env: { SFHS_DATA_DIR: root } })).toMatchObject({ dir: root, pinned: false });
});

test('a new workspace gets its own empty folder inside the app folder, stored relative so the app folder can move', () => {
  const root = tempDir();
  const registry = new WorkspaceRegistry(root);
  const acme = registry.create('  Acme Corp  ');
  expect(acme).toMatchObject({ id: 'acme-corp', name: 'Acme Corp', dir: join(root, 'workspaces', 'acme-corp') });
  expect(existsSync(acme.dir)).toBe(true);
  expect(acme.vaultKey).toMatch(/^[0-9a-f]{32}$/);
  const stored = JSON.parse(readFileSync(join(root, registryFileName), 'utf8'));
  expect(stored.workspaces[1].folder).toBe('workspaces/acme-corp');
  // Ids stay unique even when names slug alike; renaming keeps the id.
  expect(registry.create('Acme: Corp!').id).toBe('acme-corp-2');
  expect(registry.rename('acme-corp', 'Acme Ltd')).toMatchObject({ id: 'acme-corp', name: 'Acme Ltd' });
  expect(registry.find('ACME LTD').id).toBe('acme-corp');
});

test('duplicate, empty and unknown names or ids are refused with a category and the list is unchanged', () => {
  const root = tempDir();
  const registry = new WorkspaceRegistry(root);
  registry.create('Acme');
  expect(codeOf(() => registry.create('acme'))).toMatch(/^VALIDATION: There is already a workspace named "Acme"/);
  expect(codeOf(() => registry.create('   '))).toBe('VALIDATION: A workspace needs a name.');
  expect(codeOf(() => registry.rename('default', 'ACME'))).toMatch(/^VALIDATION: There is already/);
  expect(codeOf(() => registry.rename('nope', 'X'))).toMatch(/^NOT_FOUND: There is no workspace with the id "nope"/);
  expect(codeOf(() => registry.find('Globex'))).toMatch(
    /^NOT_FOUND: There is no workspace "Globex".*Default \(default\)/,
  );
  expect(codeOf(() => registry.create('Other', root))).toMatch(
    /^CONFLICT: .* is already the folder of workspace "Default"/,
  );
  expect(codeOf(() => registry.remove('default', 'acme'))).toMatch(/^VALIDATION: The Default workspace/);
  expect(codeOf(() => registry.remove('acme', 'acme'))).toMatch(/^CONFLICT: "Acme" is open/);
  expect(registry.list().map((w) => w.name)).toEqual(['Default', 'Acme']);
});

test('a workspace whose folder is missing says so; it can be removed from the list or pointed at its new place', () => {
  const root = tempDir();
  const registry = new WorkspaceRegistry(root);
  const gone = registry.create('Gone');
  const kept = registry.create('Kept');
  rmSync(gone.dir, { recursive: true });
  expect(probeWorkspace(gone.name, gone.dir)).toMatchObject({ state: 'missing' });
  expect(probeWorkspace(gone.name, gone.dir).problem).toMatch(
    /folder of workspace "Gone" is missing.*point the workspace/,
  );
  const moved = tempDir();
  expect(codeOf(() => registry.relocate(gone.id, join(moved, 'nothing-here')))).toMatch(
    /^NOT_FOUND: .* is not a folder/,
  );
  expect(codeOf(() => registry.relocate(gone.id, kept.dir))).toMatch(
    /^CONFLICT: .*already the folder of workspace "Kept"/,
  );
  expect(registry.relocate(gone.id, moved).dir).toBe(moved);
  expect(probeWorkspace(gone.name, moved).state).toBe('ready');
  registry.remove(kept.id, 'default');
  expect(registry.list().map((w) => w.id)).toEqual(['default', 'gone']);
  // Off the list only: the files stay.
  expect(existsSync(kept.dir)).toBe(true);
});

test('a workspace written by a newer version of the console is recognised without being opened for writing', () => {
  const root = tempDir();
  const newer = new WorkspaceRegistry(root).create('Future');
  const db = new BetterSqlite3(join(newer.dir, 'sfhs.sqlite'));
  db.pragma(`user_version = ${latestSchemaVersion() + 10}`);
  db.close();
  const probe = probeWorkspace(newer.name, newer.dir);
  expect(probe.state).toBe('newer');
  expect(probe.problem).toMatch(/newer version of the console \(schema \d+; this version knows up to \d+\)/);
  expect(() => resolveStartWorkspace({ env: { SFHS_DATA_DIR: root }, workspace: 'future' })).toThrow(/newer version/);
});

test('the workspace used last opens; when its folder is gone Default opens instead and says why', () => {
  const root = tempDir();
  const registry = new WorkspaceRegistry(root);
  const acme = registry.create('Acme');
  registry.setCurrent(acme.id);
  expect(resolveStartWorkspace({ env: { SFHS_DATA_DIR: root } }).workspace.id).toBe('acme');
  rmSync(acme.dir, { recursive: true });
  const start = resolveStartWorkspace({ env: { SFHS_DATA_DIR: root } });
  expect(start.workspace.id).toBe('default');
  expect(start.notice).toMatch(/"Acme" is missing.*Workspace "Default" was opened instead/);
});

test('--data-dir pins one folder and overrides the list; it cannot be combined with --workspace', () => {
  const root = tempDir();
  new WorkspaceRegistry(root).setCurrent(new WorkspaceRegistry(root).create('Acme').id);
  const pinned = tempDir();
  expect(resolveStartWorkspace({ dataDir: pinned, env: { SFHS_DATA_DIR: root } })).toMatchObject({
    pinned: true,
    dir: pinned,
  });
  expect(() => resolveStartWorkspace({ dataDir: pinned, workspace: 'acme' })).toThrow(/cannot be combined/);
});

test('a list written by a newer version is refused, not rewritten; the console still starts, in Default', () => {
  const root = tempDir();
  writeFileSync(join(root, registryFileName), JSON.stringify({ version: 99, current: 'x', workspaces: [] }));
  expect(codeOf(() => new WorkspaceRegistry(root).create('A'))).toMatch(/^CONFLICT: .*newer version/);
  expect(JSON.parse(readFileSync(join(root, registryFileName), 'utf8')).version).toBe(99);
  const start = resolveStartWorkspace({ env: { SFHS_DATA_DIR: root } });
  expect(start).toMatchObject({ dir: root, workspace: { id: 'default', vaultKey: null } });
  expect(start.notice).toMatch(/newer version.*Workspace "Default" was opened instead/);
});

test('a list that is not JSON is named with what to do, and Default opens', () => {
  const root = tempDir();
  writeFileSync(join(root, registryFileName), '{ half a file');
  const start = resolveStartWorkspace({ env: { SFHS_DATA_DIR: root } });
  expect(start.notice).toMatch(/workspaces\.json cannot be read .*Fix or remove the file/);
  expect(codeOf(() => new WorkspaceRegistry(root).list())).toMatch(/^UNAVAILABLE: /);
});
