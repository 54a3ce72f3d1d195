/**
 * The system keychain outside Electron (macOS Keychain, Windows Credential Manager, Secret Service on Linux) through
 * @napi-rs/keyring. Loaded lazily: a platform without a prebuilt binary, or a machine where no keychain answers,
 * gets the 0600 file instead of a crash. On Linux the Secret Service is required explicitly: the library's default
 * would fall back to the kernel keyring, which forgets everything at logout — worse than the file it replaces.
 */
import { createRequire } from 'node:module';
import { AppError } from '../app/errors.js';

/** One secret per account name, under the console's service name. */
export interface KeychainStore {
  /** Where the secrets are, for messages ("the Secret Service"). */
  readonly name: string;
  get(account: string): string | null;
  set(account: string, secret: string): void;
  delete(account: string): void;
}

export const KEYCHAIN_SERVICE = 'SFHS Sync Console';
/** An account that is never written: reading it asks the keychain whether it answers at all. */
const PROBE_ACCOUNT = 'sfhs-keychain-probe';

interface NapiEntry {
  getPassword(): string | null;
  setPassword(secret: string): void;
  deleteCredential(): boolean;
}
type NapiEntryClass = new (service: string, account: string, options?: object) => NapiEntry;

const storeName: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'the macOS Keychain',
  win32: 'the Windows Credential Manager',
  linux: 'the Secret Service (GNOME Keyring, KWallet)',
};

/**
 * The system keychain, and why it cannot be used when it cannot (a sentence for the vault's note): `store` is null
 * when the library cannot load here; `reason` is set when the keychain did not answer a probe.
 */
export function openSystemKeychain(
  platform: NodeJS.Platform = process.platform,
): { store: KeychainStore; reason: string | null } | { store: null; reason: string } {
  let Entry: NapiEntryClass;
  try {
    Entry = (createRequire(import.meta.url)('@napi-rs/keyring') as { Entry: NapiEntryClass }).Entry;
  } catch (error) {
    return { store: null, reason: `The keychain library cannot load on this system (${(error as Error).message}).` };
  }
  const options = platform === 'linux' ? { linux: { store: 'secret-service' } } : undefined;
  const entry = (account: string) => new Entry(KEYCHAIN_SERVICE, account, options);
  const store: KeychainStore = {
    name: storeName[platform] ?? 'the system keychain',
    get: (account) => entry(account).getPassword(),
    set: (account, secret) => entry(account).setPassword(secret),
    delete: (account) => void entry(account).deleteCredential(),
  };
  try {
    store.get(PROBE_ACCOUNT);
  } catch (error) {
    return { store, reason: `No system keychain answered (${firstLine(error)}).` };
  }
  return { store, reason: null };
}

const firstLine = (error: unknown): string => String((error as Error)?.message ?? error).split('\n')[0] as string;

/** A keychain that did not give or take a secret: locked, or gone. The category is in the text, as for remote errors. */
export class KeychainError extends AppError {
  readonly category = 'KEYCHAIN';

  constructor(store: string, what: string, cause: unknown) {
    const reason = firstLine(cause);
    const locked = /lock|prompt|dismiss|denied/i.test(reason);
    super(
      'NOT_CONNECTED',
      `${store} ${locked ? 'is locked' : 'did not answer'} when the console ${what} (${reason}) [KEYCHAIN]. ` +
        `${locked ? 'Unlock it' : 'Start or unlock it'} (logging in to the desktop session usually does) and try ` +
        'again; nothing was changed.',
    );
    this.name = 'KeychainError';
  }
}
