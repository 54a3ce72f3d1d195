/**
 * Tokens of workspace A are never readable as B's. The desktop app's cipher has one key for the whole app, so a
 * vault file carried from one workspace's folder to another would decrypt; the workspace seal refuses it.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { FileVault, type StoredConnection, type VaultCipher, vaultFileName } from '../../main/connections/vault.js';
import { workspaceVaultCipher } from '../../main/app/workspaces/vault-scope.js';
import { tempDirFactory } from '../support/temp.js';

const tempDir = tempDirFactory();

/** Stands in for Electron's safeStorage (one key for the app), which exists only inside Electron. */
const appWideCipher: VaultCipher = {
  name: 'electron-safeStorage',
  encrypt: (plain) => Buffer.from(plain).toString('base64'),
  decrypt: (stored) => Buffer.from(stored, 'base64').toString(),
};

const connection: StoredConnection = {
  system: 'hubspot',
  kind: 'privateApp',
  url: 'http://127.0.0.1:1',
  accessToken: 'pat-secret-of-client-a',
  label: 'Portal A',
  remoteId: '1',
  scopes: [],
  expiresAt: null,
  connectedAt: '2026-12-06T00:00:00.000Z',
};

const vaultOf = (dir: string, id: string, vaultKey: string | null) =>
  new FileVault(dir, workspaceVaultCipher({ vaultCipher: appWideCipher, workspace: { id, name: id, vaultKey } }));

test('a vault sealed to workspace A is refused in B and in Default, and still opens in A', () => {
  const [a, b, root] = [tempDir(), tempDir(), tempDir()];
  vaultOf(a, 'a', 'key-a').put(connection);
  expect(vaultOf(a, 'a', 'key-a').get('hubspot')?.accessToken).toBe('pat-secret-of-client-a');
  copyFileSync(join(a, vaultFileName), join(b, vaultFileName));
  copyFileSync(join(a, vaultFileName), join(root, vaultFileName));
  expect(() => vaultOf(b, 'b', 'key-b').get('hubspot')).toThrow(/belong to another workspace.*connect again here/);
  expect(() => vaultOf(root, 'default', null).get('hubspot')).toThrow(/belong to another workspace/);
  // Disconnecting in B erases what it cannot read, as for any vault it cannot decrypt.
  vaultOf(b, 'b', 'key-b').remove('hubspot');
  expect(vaultOf(b, 'b', 'key-b').get('hubspot')).toBeNull();
});

test("Default reads the vault it wrote before workspaces existed; a sealed workspace cannot read Default's", () => {
  const [root, other] = [tempDir(), tempDir()];
  new FileVault(root, appWideCipher).put(connection);
  expect(vaultOf(root, 'default', null).get('hubspot')?.label).toBe('Portal A');
  copyFileSync(join(root, vaultFileName), join(other, vaultFileName));
  expect(() => vaultOf(other, 'b', 'key-b').get('hubspot')).toThrow(/belong to another workspace/);
});

test('a plain 0600 vault (no keychain) is left as readable JSON: there is no key to seal with', () => {
  const cipher = workspaceVaultCipher({ workspace: { id: 'a', name: 'A', vaultKey: 'key-a' } });
  expect(cipher).toBeUndefined();
});
