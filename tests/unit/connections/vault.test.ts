/**
 * Style "Windows and secrets": tokens encrypted with Electron safeStorage where it really encrypts, else a 0600 file
 * with a note and a one-time warning (Linux basic_text counts as "not really encrypted").
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { safeStorageCipher, type SafeStorageLike } from '../../../main/connections/safe-storage-cipher.js';
import { FileVault, type StoredConnection, vaultFileName } from '../../../main/connections/vault.js';
import { takeVaultWarning } from '../../../main/connections/vault-warning.js';
import { closeDatabase, openDatabase } from '../../../main/db/database.js';
import { tempDirFactory } from '../../support/temp.js';

const tempDir = tempDirFactory();

/** Reversible but opaque, like the real thing: the stored bytes never contain the plain text. */
const fakeSafeStorage = (backend = 'gnome_libsecret', available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a)),
  decryptString: (encrypted) => Buffer.from(encrypted.map((byte) => byte ^ 0x5a)).toString('utf8'),
});

const connection: StoredConnection = {
  system: 'salesforce',
  kind: 'oauth',
  url: 'https://acme.my.salesforce.com',
  accessToken: '00Dxx!secret-access-token',
  refreshToken: '5Aep861secret-refresh-token',
  app: { loginUrl: 'https://login.salesforce.com', clientId: 'cid', clientSecret: 'secret-client-secret' },
  label: 'admin@acme.example',
  remoteId: '00Dxx0000000001',
  scopes: [],
  expiresAt: null,
  connectedAt: '2026-01-01T00:00:00.000Z',
};

describe('safeStorage cipher choice', () => {
  test('a real keyring encrypts: the vault file (mode 0600) holds no token in clear', () => {
    const dir = tempDir();
    const vault = new FileVault(dir, safeStorageCipher(fakeSafeStorage(), 'linux'));
    vault.put(connection);
    const text = readFileSync(join(dir, vaultFileName), 'utf8');
    expect(text).not.toContain(connection.accessToken);
    expect(text).not.toContain('secret-client-secret');
    expect(statSync(join(dir, vaultFileName)).mode & 0o777).toBe(0o600);
    expect(vault.get('salesforce')).toEqual(connection);
    expect(vault.protection).toEqual({ encryption: 'os', note: null });
  });

  test('Linux basic_text is treated as unencrypted: plain 0600 file with a note saying why', () => {
    const vault = new FileVault(tempDir(), safeStorageCipher(fakeSafeStorage('basic_text'), 'linux'));
    expect(vault.protection).toMatchObject({ encryption: 'file', note: expect.stringMatching(/basic_text/) });
  });

  test('no keyring at all: plain file, with a note', () => {
    const cipher = safeStorageCipher(fakeSafeStorage('unknown', false), 'darwin');
    expect(new FileVault(tempDir(), cipher).protection.note).toMatch(/No OS keychain/);
    expect(safeStorageCipher(undefined).name).toBe('plain');
  });
});

describe('one folder, CLI and desktop app', () => {
  test('a vault the CLI wrote in plain is read by the app and re-written encrypted', () => {
    const dir = tempDir();
    new FileVault(dir).put(connection);
    const app = new FileVault(dir, safeStorageCipher(fakeSafeStorage(), 'linux'));
    app.upgrade();
    expect(readFileSync(join(dir, vaultFileName), 'utf8')).not.toContain(connection.accessToken);
    expect(app.get('salesforce')?.accessToken).toBe(connection.accessToken);
  });

  test('an encrypted vault cannot be read by the CLI: a clear NOT_CONNECTED error; disconnect still erases it', () => {
    const dir = tempDir();
    new FileVault(dir, safeStorageCipher(fakeSafeStorage(), 'linux')).put(connection);
    const cli = new FileVault(dir);
    expect(() => cli.get('salesforce')).toThrow(/encrypted with the desktop app's OS keychain/);
    cli.remove('salesforce');
    expect(cli.get('salesforce')).toBeNull();
  });
});

test('the plain-file warning is given once per data folder, and never for an encrypted vault', () => {
  const dir = tempDir();
  const db = openDatabase({ file: join(dir, 'sfhs.sqlite') });
  try {
    const plain = new FileVault(dir);
    expect(takeVaultWarning(db, plain)).toMatch(/^Tokens are stored unencrypted in .*vault\.json/);
    expect(takeVaultWarning(db, plain)).toBeNull();
    const other = openDatabase({ file: join(tempDir(), 'sfhs.sqlite') });
    expect(takeVaultWarning(other, new FileVault(dir, safeStorageCipher(fakeSafeStorage(), 'linux')))).toBeNull();
    closeDatabase(other);
  } finally {
    closeDatabase(db);
  }
});
