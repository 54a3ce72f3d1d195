/**
 * R1 the company-sync switch: when it was turned on matters (R2.2: accounts created after it are new; R1.3: turning
 * it on does not back-fill).
 */
import type { Database } from 'better-sqlite3';
import type { Settings } from '../../shared/contract/index.js';
import { AppError } from '../app/errors.js';
import { getMeta, setMeta } from '../db/meta.js';

const ENABLED_AT = 'sync.enabledAt';

export function noteSwitch(db: Database, settings: Settings, now: Date = new Date()): void {
  const enabledAt = getMeta(db, ENABLED_AT);
  if (settings.syncCompanies && !enabledAt) setMeta(db, ENABLED_AT, now.toISOString(), now);
  if (!settings.syncCompanies && enabledAt) setMeta(db, ENABLED_AT, '', now);
}

export const syncEnabledAt = (db: Database): string | null => getMeta(db, ENABLED_AT) || null;

/** R1.2 an import while the switch is off would create nothing: say so before anything runs. */
export function requireSyncOn(settings: Settings, what: string): void {
  if (settings.syncCompanies) return;
  throw new AppError(
    'SYNC_OFF',
    `Company sync is off, so ${what} would create or update no companies in HubSpot. Turn it on first — ` +
      '"sfhs settings set syncCompanies true" or the switch on the Sync settings page — or preview with --dry-run.',
  );
}
