/**
 * The token vault: where the credentials of the two connections live (style "Windows and secrets": tokens never
 * leave main). The file backend keeps `<dataDir>/vault.json`, mode 0600, replaced atomically (temp file +
 * rename) so a crash never leaves half a file. `VaultCipher` is the seam for Electron's safeStorage: the file
 * stores whatever the cipher makes of the JSON; the plain cipher stores it as is.
 */
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SystemName } from '../../shared/contract/index.js';

export type CredentialKind = 'oauth' | 'privateApp' | 'accessToken';

export interface StoredConnection {
  system: SystemName;
  kind: CredentialKind;
  /** Salesforce instance URL or HubSpot API base URL. */
  url: string;
  accessToken: string;
  refreshToken?: string;
  /** What a person sees: the Salesforce username, the HubSpot portal. */
  label: string;
  /** Salesforce org id or HubSpot portal id; null when the server did not say. */
  remoteId: string | null;
  scopes: string[];
  expiresAt: string | null;
  connectedAt: string;
}

export interface TokenVault {
  get(system: SystemName): StoredConnection | null;
  put(connection: StoredConnection): void;
  remove(system: SystemName): void;
}

export interface VaultCipher {
  /** Written into the file so a vault written by one cipher is never misread by another. */
  readonly name: string;
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

/** No encryption: the file's 0600 mode is the protection (a later issue adds safeStorage). */
export const plainCipher: VaultCipher = { name: 'plain', encrypt: (plain) => plain, decrypt: (stored) => stored };

export const vaultFileName = 'vault.json';

interface VaultFile {
  version: 1;
  cipher: string;
  data: string;
}

type Entries = Partial<Record<SystemName, StoredConnection>>;

export class FileVault implements TokenVault {
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly cipher: VaultCipher = plainCipher,
  ) {
    this.file = join(dataDir, vaultFileName);
  }

  get(system: SystemName): StoredConnection | null {
    return this.read()[system] ?? null;
  }

  put(connection: StoredConnection): void {
    this.write({ ...this.read(), [connection.system]: connection });
  }

  remove(system: SystemName): void {
    const entries = this.read();
    delete entries[system];
    if (Object.keys(entries).length === 0) rmSync(this.file, { force: true });
    else this.write(entries);
  }

  private read(): Entries {
    if (!existsSync(this.file)) return {};
    const stored = JSON.parse(readFileSync(this.file, 'utf8')) as VaultFile;
    if (stored.cipher !== this.cipher.name) {
      throw new Error(
        `The token vault ${this.file} was written with "${stored.cipher}" protection, which is not available here; reconnect.`,
      );
    }
    return JSON.parse(this.cipher.decrypt(stored.data)) as Entries;
  }

  private write(entries: Entries): void {
    const body: VaultFile = {
      version: 1,
      cipher: this.cipher.name,
      data: this.cipher.encrypt(JSON.stringify(entries)),
    };
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(body), { mode: 0o600 });
    // The mode argument only applies to new files; make sure a leftover temp file is private too.
    chmodSync(temp, 0o600);
    renameSync(temp, this.file);
  }
}
