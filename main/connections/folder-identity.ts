/**
 * Architecture "Data in SQLite": a data folder belongs to one Salesforce org and one HubSpot portal (its cache,
 * links and log describe them). The first successful connect records the id in `meta`; connecting a different
 * org or portal later is refused, so two orgs' records never mix in one cache.
 */
import type { Database } from 'better-sqlite3';
import type { SystemName } from '../../shared/contract/index.js';
import { AppError } from '../app/errors.js';
import { getMeta, setMeta } from '../db/meta.js';
import { sameSfId } from '../engine/rules/ids.js';

const META_KEY: Readonly<Record<SystemName, string>> = { salesforce: 'salesforce.orgId', hubspot: 'hubspot.portalId' };
const NOUN: Readonly<Record<SystemName, string>> = { salesforce: 'Salesforce org', hubspot: 'HubSpot portal' };

const same = (system: SystemName, a: string, b: string): boolean =>
  a === b || (system === 'salesforce' && sameSfId(a, b));

/** Throws CONFLICT when the folder already belongs to another org/portal; a null id (unknown) is not checked. */
export function checkFolderIdentity(db: Database, system: SystemName, remoteId: string | null): void {
  const recorded = getMeta(db, META_KEY[system]);
  if (recorded === null || remoteId === null || same(system, recorded, remoteId)) return;
  throw new AppError(
    'CONFLICT',
    `This data folder belongs to ${NOUN[system]} ${recorded}; you connected ${NOUN[system]} ${remoteId}. ` +
      `Nothing was saved. Use another data folder (--data-dir) for ${remoteId}.`,
  );
}

export function recordFolderIdentity(db: Database, system: SystemName, remoteId: string | null): void {
  if (remoteId !== null && getMeta(db, META_KEY[system]) === null) setMeta(db, META_KEY[system], remoteId);
}
