/**
 * The token vault's cipher in the desktop app: Electron's safeStorage (the rules are in
 * connections/safe-storage-cipher.ts). Read through the default export so a stand-in `electron` without safeStorage
 * (tests, the bundle check) gets the plain file with its note instead of failing to load. Call after `ready`: on
 * Linux, safeStorage only knows its backend once the app is ready.
 */
import electron from 'electron';
import { type SafeStorageLike, safeStorageCipher } from '../connections/safe-storage-cipher.js';
import type { VaultCipher } from '../connections/vault.js';

export function electronVaultCipher(): VaultCipher {
  return safeStorageCipher((electron as { safeStorage?: SafeStorageLike }).safeStorage);
}
