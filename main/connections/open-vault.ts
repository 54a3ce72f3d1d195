/**
 * Which vault a process uses. The desktop app keeps its safeStorage-encrypted file; the CLI and browser mode use the
 * system keychain, and the 0600 file (with its warning) only where no keychain answers. `SFHS_KEYCHAIN=off` chooses
 * the file on purpose (the test suite, so it never writes into a developer's own keychain).
 */
import { KeychainVault, keychainAccount, keychainHoldsTokens } from './keychain-vault.js';
import { KeychainError, type KeychainStore, openSystemKeychain } from './keychain.js';
import { FileVault, type TokenVault, type VaultCipher, withNote } from './vault.js';

export interface VaultChoice {
  /** Electron's safeStorage cipher: the desktop app's encrypted file. */
  cipher?: VaultCipher;
  /** A keychain chosen by the caller (tests); otherwise the system's, if one answers. */
  keychain?: KeychainStore | null;
  env?: NodeJS.ProcessEnv;
}

export function openVault(dataDir: string, choice: VaultChoice = {}): TokenVault {
  if (choice.cipher) return openDesktopVault(dataDir, choice.cipher);
  if ((choice.env ?? process.env).SFHS_KEYCHAIN === 'off' && choice.keychain === undefined) {
    return new FileVault(dataDir, withNote('The system keychain is turned off here (SFHS_KEYCHAIN=off).'));
  }
  const opened = choice.keychain ? { store: choice.keychain, reason: null } : openSystemKeychain();
  // A keychain that does not answer but holds this folder's tokens is locked or gone, not absent: its vault then
  // says so on every read instead of pretending the folder was never connected.
  if (!opened.store || (opened.reason && !keychainHoldsTokens(dataDir))) {
    return new FileVault(dataDir, withNote(opened.reason as string));
  }
  return new KeychainVault(dataDir, opened.store, new FileVault(dataDir));
}

/**
 * The desktop app's vault. Tokens the CLI left unencrypted in the file, or in the keychain, move into it, so a
 * connection made in a terminal is there when the app opens the folder.
 */
function openDesktopVault(dataDir: string, cipher: VaultCipher): FileVault {
  const vault = new FileVault(dataDir, cipher);
  vault.upgrade();
  if (process.env.SFHS_KEYCHAIN === 'off') return vault;
  const { store } = openSystemKeychain();
  if (!store || !keychainHoldsTokens(dataDir)) return vault;
  for (const system of ['salesforce', 'hubspot'] as const) {
    const account = keychainAccount(dataDir, system);
    try {
      const secret = store.get(account);
      if (secret === null || vault.get(system)) continue;
      vault.put(JSON.parse(secret));
      store.delete(account);
    } catch (error) {
      // The app still opens; that connection shows as not connected until the keychain is unlocked and it reopens.
      console.error(new KeychainError(store.name, `moved the ${system} sign-in made in a terminal`, error).message);
    }
  }
  return vault;
}
