/**
 * Tokens in the system keychain, one secret per connection, named after the data folder so two workspaces never
 * share one. The 0600 file next to it is the fallback and the way in:
 * - tokens found in the file (written before the keychain was used, or while it did not answer) move into the
 *   keychain the first time they are read, and leave the file;
 * - a write the keychain refuses (locked, or gone mid-run) lands in the file, with the unencrypted-file warning,
 *   so a refreshed token is never lost; the next read moves it back.
 * Reads are cached for a moment (connectors consult the vault before every call) and the last good read is used
 * when the keychain stops answering mid-run, so a run that already holds its tokens carries on.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SystemName, VaultProtection } from '../../shared/contract/index.js';
import { type KeychainStore, KeychainError } from './keychain.js';
import type { FileVault, StoredConnection, TokenVault } from './vault.js';

const FRESH_MS = 2_000;

/**
 * A file that says which connections of the folder are in the keychain (names only, never a secret), so a keychain
 * that is locked or gone at the next start is told apart from a folder that was never connected.
 */
const MARKER = 'vault.keychain.json';

export const keychainHoldsTokens = (dataDir: string): boolean => existsSync(join(dataDir, MARKER));

function markHeld(dataDir: string, system: SystemName, held: boolean): void {
  const file = join(dataDir, MARKER);
  const systems = new Set<string>(existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as string[]) : []);
  if (systems.has(system) === held) return;
  if (held) systems.add(system);
  else systems.delete(system);
  if (systems.size === 0) rmSync(file, { force: true });
  else writeFileSync(file, JSON.stringify([...systems]), { mode: 0o600 });
}

/** The keychain account of one connection of one data folder. */
export const keychainAccount = (dataDir: string, system: SystemName): string => `${system} ${resolve(dataDir)}`;

export class KeychainVault implements TokenVault {
  private readonly cache = new Map<SystemName, { value: StoredConnection | null; at: number }>();
  /** Why the last write went to the file instead; null while the keychain takes them. */
  private fallbackReason: string | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly store: KeychainStore,
    private readonly fallback: FileVault,
    private readonly now: () => number = Date.now,
  ) {}

  get protection(): VaultProtection {
    return this.fallbackReason ? { encryption: 'file', note: this.fallbackReason } : { encryption: 'os', note: null };
  }

  /** Where tokens go when the keychain refuses them (named by the unencrypted-file warning). */
  get file(): string {
    return this.fallback.file;
  }

  account(system: SystemName): string {
    return keychainAccount(this.dataDir, system);
  }

  get(system: SystemName): StoredConnection | null {
    const inFile = this.fallback.get(system);
    if (inFile) {
      this.moveIntoKeychain(inFile);
      return this.remember(system, inFile);
    }
    const cached = this.cache.get(system);
    if (cached && this.now() - cached.at < FRESH_MS) return cached.value;
    let secret: string | null;
    try {
      secret = this.store.get(this.account(system));
    } catch (error) {
      if (cached) return cached.value;
      throw new KeychainError(this.store.name, `read the saved ${system} sign-in`, error);
    }
    return this.remember(system, secret === null ? null : (JSON.parse(secret) as StoredConnection));
  }

  put(connection: StoredConnection): void {
    this.remember(connection.system, connection);
    try {
      this.store.set(this.account(connection.system), JSON.stringify(connection));
    } catch (error) {
      this.fallbackReason = this.fallbackNote(error);
      this.fallback.put(connection);
      return;
    }
    this.fallbackReason = null;
    markHeld(this.dataDir, connection.system, true);
    if (this.fallback.get(connection.system)) this.fallback.remove(connection.system);
  }

  remove(system: SystemName): void {
    this.cache.delete(system);
    this.fallback.remove(system);
    try {
      this.store.delete(this.account(system));
    } catch (error) {
      throw new KeychainError(this.store.name, `removed the saved ${system} sign-in`, error);
    }
    markHeld(this.dataDir, system, false);
  }

  private moveIntoKeychain(connection: StoredConnection): void {
    try {
      this.store.set(this.account(connection.system), JSON.stringify(connection));
    } catch (error) {
      // Still locked or gone: the tokens stay in the file, are used from there meanwhile, and the status says so.
      this.fallbackReason = this.fallbackNote(error);
      return;
    }
    markHeld(this.dataDir, connection.system, true);
    this.fallback.remove(connection.system);
    this.fallbackReason = null;
  }

  private fallbackNote(error: unknown): string {
    const { message } = new KeychainError(this.store.name, 'saved the tokens', error);
    return `${message.slice(0, message.indexOf(' [KEYCHAIN]'))}; they are kept in this file until it answers again.`;
  }

  private remember(system: SystemName, value: StoredConnection | null): StoredConnection | null {
    this.cache.set(system, { value, at: this.now() });
    return value;
  }
}
