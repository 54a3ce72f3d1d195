/**
 * Tokens of one workspace are never readable as another's. Each workspace has its own vault file in its own folder,
 * but the desktop app's cipher (Electron safeStorage) uses one key for the whole app, so a vault file copied or
 * pointed from workspace A to B would decrypt there. The scoped cipher seals the workspace's key into what it
 * encrypts and refuses a vault sealed for another workspace. Default (key null) writes as before workspaces existed
 * and refuses any sealed vault, so its existing vault keeps working.
 */
import { AppError } from '../errors.js';
import { plainCipher, type VaultCipher } from '../../connections/vault.js';
import type { ServiceConfig } from '../services.js';

const marker = 'sfhs-workspace:';

export function scopedVaultCipher(cipher: VaultCipher, vaultKey: string | null, workspaceName: string): VaultCipher {
  return {
    ...cipher,
    encrypt: (plain) => cipher.encrypt(vaultKey === null ? plain : `${marker}${vaultKey}\n${plain}`),
    decrypt: (stored) => {
      const plain = cipher.decrypt(stored);
      const sealedFor = plain.startsWith(marker) ? plain.slice(marker.length, plain.indexOf('\n')) : null;
      if (sealedFor !== vaultKey) {
        throw new AppError(
          'NOT_CONNECTED',
          `The saved tokens in this folder belong to another workspace, so workspace "${workspaceName}" does not ` +
            'use them. Disconnect and connect again here.',
        );
      }
      return sealedFor === null ? plain : plain.slice(plain.indexOf('\n') + 1);
    },
  };
}

/** The cipher a folder's vault uses: the configured one, sealed to the workspace when it really encrypts. */
export function workspaceVaultCipher(
  config: Pick<ServiceConfig, 'vaultCipher' | 'workspace'>,
): VaultCipher | undefined {
  const { vaultCipher, workspace } = config;
  // A plain vault is stored as readable JSON (its 0600 mode is the protection), so there is nothing to seal.
  if (!vaultCipher || vaultCipher.name === plainCipher.name || !workspace) return vaultCipher;
  return scopedVaultCipher(vaultCipher, workspace.vaultKey, workspace.name);
}
