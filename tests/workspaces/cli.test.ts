/** `sfhs workspace …`, `--workspace` and `sfhs status`, run in-process through runCli with the app folder in a temp dir. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { cli } from '../cli/support.js';
import { exitCodes } from '../../main/cli/command.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();

const sfhs = (root: string, ...argv: string[]) => cli(argv, { env: { SFHS_DATA_DIR: root } });

test('create, rename, use and list workspaces; status names the open one; --workspace picks one for a command', async () => {
  const root = tempDir();
  expect(await sfhs(root, 'workspace', 'create', 'Acme Corp')).toMatchObject({
    code: 0,
    out: expect.stringContaining(
      `Created workspace "Acme Corp" (id acme-corp) in ${join(root, 'workspaces', 'acme-corp')}`,
    ),
  });
  expect((await sfhs(root, 'workspace', 'rename', 'acme-corp', 'Acme Ltd')).out).toContain('now named "Acme Ltd"');
  expect((await sfhs(root, 'status')).out).toContain(`Workspace: Default (${root})`);
  expect((await sfhs(root, 'workspace', 'use', 'acme-corp')).code).toBe(0);
  expect((await sfhs(root, 'status')).out).toContain('Workspace: Acme Ltd');
  expect((await sfhs(root, 'status', '--workspace', 'Default')).out).toContain('Workspace: Default');
  const status = JSON.parse((await sfhs(root, 'status', '--json')).out);
  expect(status.workspace).toEqual({
    id: 'acme-corp',
    name: 'Acme Ltd',
    folder: join(root, 'workspaces', 'acme-corp'),
  });
  const list = JSON.parse((await sfhs(root, 'workspace', 'list', '--json')).out);
  expect(list.workspaces.map((w: { id: string; current: boolean }) => [w.id, w.current])).toEqual([
    ['default', false],
    ['acme-corp', true],
  ]);
  // Each workspace has its own settings file in its own folder.
  await sfhs(root, 'settings', 'set', 'syncCompanies', 'true');
  expect((await sfhs(root, 'settings', '--json')).out).toMatch(/"syncCompanies":true/);
  expect((await sfhs(root, 'settings', '--json', '--workspace', 'default')).out).toMatch(/"syncCompanies":false/);
});

test('bad input: a duplicate or empty name, an unknown id, a missing folder, --data-dir with workspaces', async () => {
  const root = tempDir();
  await sfhs(root, 'workspace', 'create', 'Acme');
  const duplicate = await sfhs(root, 'workspace', 'create', 'ACME');
  expect(duplicate).toMatchObject({
    code: exitCodes.validation,
    err: expect.stringMatching(/already a workspace named "Acme"/),
  });
  expect((await sfhs(root, 'workspace', 'create', ' ')).code).toBe(exitCodes.validation);
  const unknown = await sfhs(root, 'workspace', 'use', 'globex');
  expect(unknown).toMatchObject({ code: exitCodes.failure, err: expect.stringMatching(/no workspace "globex"/) });
  expect((await sfhs(root, 'status', '--workspace', 'globex')).err).toMatch(/no workspace "globex"/);

  rmSync(join(root, 'workspaces', 'acme'), { recursive: true });
  const listed = await sfhs(root, 'workspace', 'list');
  expect(listed.out).toMatch(/acme\s+Acme .*FOLDER MISSING/);
  expect(listed.out).toMatch(/point the workspace at its new place; otherwise remove it from the list/);
  expect((await sfhs(root, 'workspace', 'use', 'acme')).err).toMatch(/"Acme" is missing/);
  expect((await sfhs(root, 'workspace', 'remove', 'acme')).out).toContain('Removed "Acme" from the list');

  const pinned = await sfhs(root, 'workspace', 'create', 'X', '--data-dir', tempDir());
  expect(pinned.err).toMatch(/--data-dir\), which pins one folder/);
  expect((await sfhs(root, 'workspace', 'frobnicate')).code).toBe(exitCodes.validation);
});
