/**
 * The "stored in plain text" warning, shown once per data folder — the first time tokens are written to a vault that
 * is not encrypted — as the GitHub CLI does when no keyring is available. The status always shows the protection.
 */
import type { Database } from 'better-sqlite3';
import { getMeta, setMeta } from '../db/meta.js';
import type { FileVault, TokenVault } from './vault.js';

const SHOWN_KEY = 'vault.plainWarningShown';

export function takeVaultWarning(db: Database, vault: TokenVault): string | null {
  const { encryption, note } = vault.protection;
  if (encryption === 'os' || getMeta(db, SHOWN_KEY)) return null;
  setMeta(db, SHOWN_KEY, new Date().toISOString());
  const where = (vault as Partial<FileVault>).file ?? 'the data folder';
  return `Tokens are stored unencrypted in ${where} (readable only by your user account, mode 0600). ${note ?? ''}`.trim();
}
