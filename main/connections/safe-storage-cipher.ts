/**
 * Electron's safeStorage as a VaultCipher (style "Windows and secrets"): the OS keychain on macOS, DPAPI on
 * Windows, libsecret/kwallet on Linux. When Electron can only obfuscate — no keyring at all, or Linux's
 * `basic_text` backend, which Signal and Mattermost also treat as "not really encrypted" — the vault stays a plain
 * 0600 file and says why, instead of pretending. Written against the few methods used, so it is testable in Node.
 */
import { type VaultCipher, withNote } from './vault.js';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only. */
  getSelectedStorageBackend?(): string;
}

export const SAFE_STORAGE_CIPHER = 'electron-safeStorage';

export function safeStorageCipher(safeStorage: SafeStorageLike | undefined, platform = process.platform): VaultCipher {
  if (!safeStorage?.isEncryptionAvailable()) {
    return withNote(
      'No OS keychain is available to the desktop app (Electron safeStorage), so tokens are not encrypted.',
    );
  }
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    return withNote(
      'No secret store (GNOME Keyring, KWallet) was found; Electron would only obfuscate tokens (basic_text), so ' +
        'they are kept unencrypted instead. Install and unlock a keyring to have them encrypted.',
    );
  }
  return {
    name: SAFE_STORAGE_CIPHER,
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  };
}
