/**
 * The token vault: where the credentials of the two connections live (style "Windows and secrets": tokens never
 * leave main). The file backend keeps `<dataDir>/vault.json`, mode 0600, replaced atomically (temp file +
 * rename) so a crash never leaves half a file. `VaultCipher` is the seam for Electron's safeStorage: the file
 * stores whatever the cipher makes of the JSON; the plain cipher stores it as is.
 */
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../app/errors.js';
import type { SystemName, VaultProtection } from '../../shared/contract/index.js';

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
  /** The OAuth app the tokens were issued to: refresh and revoke need it. The secret never leaves the vault. */
  app?: { loginUrl: string; clientId: string; clientSecret?: string };
  /** Salesforce username / HubSpot user e-mail. */
  user?: string | null;
  /** Set when the provider refused the saved sign-in (revoked refresh token): the connection needs a reconnect. */
  problem?: string | null;
}

export interface TokenVault {
  readonly protection: VaultProtection;
  get(system: SystemName): StoredConnection | null;
  put(connection: StoredConnection): void;
  remove(system: SystemName): void;
}

export interface VaultCipher {
  /** Written into the file so a vault written by one cipher is never misread by another. */
  readonly name: string;
  /** For an unencrypted cipher: why nothing better was available here (shown to the person). */
  readonly note?: string;
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

/** No encryption: the file's 0600 mode is the protection. */
export const plainCipher: VaultCipher = {
  name: 'plain',
  note: 'No system keychain is used for this data folder.',
  encrypt: (plain) => plain,
  decrypt: (stored) => stored,
};

export const withNote = (note: string): VaultCipher => ({ ...plainCipher, note });

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

  get protection(): VaultProtection {
    return this.cipher.name === plainCipher.name
      ? { encryption: 'file', note: this.cipher.note ?? null }
      : { encryption: 'os', note: null };
  }

  get(system: SystemName): StoredConnection | null {
    return this.read()[system] ?? null;
  }

  /** A vault written unencrypted (by the CLI) is re-written with this cipher, e.g. when the desktop app opens it. */
  upgrade(): void {
    if (!existsSync(this.file) || this.cipher.name === plainCipher.name) return;
    const stored = JSON.parse(readFileSync(this.file, 'utf8')) as VaultFile;
    if (stored.cipher === plainCipher.name) this.write(this.read());
  }

  put(connection: StoredConnection): void {
    this.write({ ...this.read(), [connection.system]: connection });
  }

  remove(system: SystemName): void {
    const entries = this.readOrForget();
    delete entries[system];
    if (Object.keys(entries).length === 0) rmSync(this.file, { force: true });
    else this.write(entries);
  }

  private read(): Entries {
    if (!existsSync(this.file)) return {};
    const stored = JSON.parse(readFileSync(this.file, 'utf8')) as VaultFile;
    // Anyone may read a plain vault; an encrypted one only with its own cipher (the OS keychain of the desktop app).
    if (stored.cipher === plainCipher.name) return JSON.parse(stored.data) as Entries;
    if (stored.cipher !== this.cipher.name) {
      throw new AppError(
        'NOT_CONNECTED',
        `The tokens in ${this.file} are encrypted with the desktop app's OS keychain ("${stored.cipher}"), which ` +
          'is not available here. Use the desktop app, or "sfhs disconnect" and connect again from here.',
      );
    }
    return JSON.parse(this.cipher.decrypt(stored.data)) as Entries;
  }

  /** Disconnect must work even when the vault cannot be decrypted here: then it is erased as a whole. */
  private readOrForget(): Entries {
    try {
      return this.read();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return {};
    }
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
