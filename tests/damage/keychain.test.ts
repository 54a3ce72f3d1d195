/**
 * Tokens in the system keychain outside Electron, against a real Secret Service (gnome-keyring on a private D-Bus
 * session): where they land, how file-vault tokens move in, and what a locked or vanished keychain does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Entry } from '@napi-rs/keyring';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createServices } from '../../main/app/services.js';
import { KEYCHAIN_SERVICE, KeychainError, openSystemKeychain } from '../../main/connections/keychain.js';
import { KeychainVault, keychainAccount } from '../../main/connections/keychain-vault.js';
import { openVault } from '../../main/connections/open-vault.js';
import { FileVault, type StoredConnection, vaultFileName } from '../../main/connections/vault.js';
import { takeVaultWarning } from '../../main/connections/vault-warning.js';
import { openDatabase } from '../../main/db/database.js';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';
import { cli } from '../cli/support.js';
import { tempDirFactory } from '../support/temp.js';
import { type SecretService, secretServiceMissing, startSecretService } from './secret-service.js';

const tempDir = tempDirFactory();
const missing = secretServiceMissing();
if (missing) console.log(`Keychain tests against a real Secret Service skipped: ${missing}.`);

const readBack = (dir: string, system: 'salesforce' | 'hubspot'): StoredConnection | null => {
  const secret = new Entry(KEYCHAIN_SERVICE, keychainAccount(dir, system), {
    linux: { store: 'secret-service' },
  }).getPassword();
  return secret === null ? null : (JSON.parse(secret) as StoredConnection);
};

/** Every byte of every file under `dir`, to prove a token is in none of them. */
const everyFile = (dir: string): string =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => readFileSync(file, 'latin1'))
    .join('\n');

const connection = (system: 'salesforce' | 'hubspot', accessToken: string): StoredConnection => ({
  system,
  kind: 'accessToken',
  url: 'http://127.0.0.1:1',
  accessToken,
  label: `${system} test`,
  remoteId: null,
  scopes: [],
  expiresAt: null,
  connectedAt: new Date(0).toISOString(),
});

describe.skipIf(missing)('the system keychain (real Secret Service)', () => {
  let keychain: SecretService;
  let sandbox: Sandbox | undefined;
  const keychainSetting = process.env.SFHS_KEYCHAIN;

  beforeAll(async () => {
    delete process.env.SFHS_KEYCHAIN;
    keychain = await startSecretService();
  });
  afterAll(async () => {
    await keychain?.close();
    process.env.SFHS_KEYCHAIN = keychainSetting;
  });
  beforeEach(() => keychain.restart());
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  test('sfhs connect puts the tokens in the keychain and in no file of the data folder', async () => {
    sandbox = await startSandbox({ accounts: 20, seed: 3, hsLimit: 'off' });
    const info = sandbox.info();
    const dir = tempDir();
    const sf = await cli(
      ['connect', 'salesforce', '--instance-url', info.salesforce.url, '--access-token-stdin', '--data-dir', dir],
      { stdin: `${info.salesforce.accessToken}\n` },
    );
    expect(sf.code, sf.err).toBe(0);
    const hs = await cli(
      ['connect', 'hubspot', '--base-url', info.hubspot.url, '--private-app-token-stdin', '--data-dir', dir],
      { stdin: `${info.hubspot.accessToken}\n` },
    );
    expect(hs.code, hs.err).toBe(0);
    expect(hs.out + hs.err).not.toMatch(/unencrypted/);

    expect(readBack(dir, 'salesforce')?.accessToken).toBe(info.salesforce.accessToken);
    expect(readBack(dir, 'hubspot')?.accessToken).toBe(info.hubspot.accessToken);
    const files = everyFile(dir);
    expect(files).not.toContain(info.salesforce.accessToken);
    expect(files).not.toContain(info.hubspot.accessToken);

    const status = await cli(['status', '--data-dir', dir]);
    expect(status.code, status.err).toBe(0);
    expect(status.out).toMatch(/Tokens: encrypted by the OS keychain/);
  });

  test('tokens of an existing file vault move into the keychain on first use and leave the file', async () => {
    const dir = tempDir();
    new FileVault(dir).put(connection('hubspot', 'pat-from-the-file-vault'));
    const status = await cli(['status', '--json', '--data-dir', dir]);
    expect(status.code, status.err).toBe(0);
    expect(status.json().vault).toEqual({ encryption: 'os', note: null });
    expect(readBack(dir, 'hubspot')?.accessToken).toBe('pat-from-the-file-vault');
    expect(readdirSync(dir)).not.toContain(vaultFileName);
    expect(everyFile(dir)).not.toContain('pat-from-the-file-vault');
  });

  test('the keychain going away mid-run: the run finishes on the tokens it holds; the next start names the keychain', async () => {
    sandbox = await startSandbox({ accounts: 60, seed: 5, hsLimit: '30/10s' });
    const dir = tempDir();
    const services = createServices({ dataDir: dir, runtime: 'cli', version: '0.0.0-test' });
    const info = sandbox.info();
    await services.connections.connectSalesforce({
      instanceUrl: info.salesforce.url,
      accessToken: info.salesforce.accessToken,
    });
    await services.connections.connectHubSpot({
      baseUrl: info.hubspot.url,
      accessToken: info.hubspot.accessToken,
      kind: 'privateApp',
    });
    expect(services.connections.vault.protection.encryption).toBe('os');
    services.settings.update({ syncCompanies: true });
    let stopped: Promise<void> | null = null;
    const summary = await services.engine.run({
      kind: 'import',
      dryRun: false,
      onProgress: (event) => {
        if (event.phase === 'execute' && event.done > 0) stopped ??= keychain.stop();
      },
    });
    await stopped;
    expect(stopped).not.toBeNull();
    expect(summary.state).toBe('completed');
    services.close();

    // A new process has no tokens in hand: it stops before any call, naming the keychain and the category.
    const again = createServices({ dataDir: dir, runtime: 'cli', version: '0.0.0-test' });
    try {
      expect(() => again.connections.assertReadyToSync()).toThrow(KeychainError);
      expect(() => again.connections.assertReadyToSync()).toThrow(/did not answer.*\[KEYCHAIN\].*nothing was changed/);
    } finally {
      again.close();
    }
    const status = await cli(['status', '--data-dir', dir]);
    expect(status.code).not.toBe(0);
    expect(status.err).toMatch(/Secret Service.*\[KEYCHAIN\]/);
    expect(status.err).not.toMatch(/at .*\.ts:\d+/);
  });

  test('a locked keychain: reads say so with the category; a refreshed token goes to the file with its warning', async () => {
    const dir = tempDir();
    const store = openSystemKeychain().store;
    if (!store) throw new Error('the test keychain does not answer');
    new KeychainVault(dir, store, new FileVault(dir)).put(connection('salesforce', 'sf-token-before-lock'));
    keychain.lock();

    const fresh = new KeychainVault(dir, store, new FileVault(dir));
    expect(() => fresh.get('salesforce')).toThrow(/is locked .*\[KEYCHAIN\]\. Unlock it/);

    fresh.put(connection('salesforce', 'sf-token-refreshed-while-locked'));
    expect(fresh.protection.encryption).toBe('file');
    expect(fresh.protection.note).toMatch(/is locked.*kept in this file until it answers again/);
    expect(new FileVault(dir).get('salesforce')?.accessToken).toBe('sf-token-refreshed-while-locked');
    expect(fresh.get('salesforce')?.accessToken).toBe('sf-token-refreshed-while-locked');
    const db = openDatabase({ file: join(dir, 'sfhs.sqlite') });
    try {
      expect(takeVaultWarning(db, fresh)).toMatch(/^Tokens are stored unencrypted in .*vault\.json.*is locked/);
    } finally {
      db.close();
    }
  });
});

test('no keychain answering: the 0600 file, with the warning that says why', () => {
  const dir = tempDir();
  const bus = process.env.DBUS_SESSION_BUS_ADDRESS;
  process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(dir, 'no-bus-here')}`;
  try {
    const vault = openVault(dir, { env: {} });
    expect(vault).toBeInstanceOf(FileVault);
    expect(vault.protection.encryption).toBe('file');
    vault.put(connection('hubspot', 'pat-in-the-file'));
    expect((statSync(join(dir, vaultFileName)).mode & 0o777).toString(8)).toBe('600');
    const db = openDatabase({ file: join(dir, 'sfhs.sqlite') });
    try {
      expect(takeVaultWarning(db, vault)).toMatch(
        /^Tokens are stored unencrypted in .*vault\.json.*No system keychain/,
      );
    } finally {
      db.close();
    }
  } finally {
    if (bus === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = bus;
  }
});
