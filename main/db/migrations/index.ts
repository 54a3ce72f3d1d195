import { metaMigration } from './0010-meta.js';
import { mirrorsMigration } from './0020-mirrors.js';
import { syncStateMigration } from './0030-sync-state.js';
import { hsToSfMigration } from './0040-hs-to-sf.js';
import { logNamesMigration } from './0050-log-names.js';
import { apiUsageMigration } from './0060-api-usage.js';
import { bulkJobsMigration } from './0070-bulk-jobs.js';
import { engagementMigration } from './0080-engagement.js';
import { hierarchyMigration } from './0090-hierarchy.js';
import type { Migration } from './types.js';

export type { Migration } from './types.js';

/**
 * Numbered migrations in steps of 10, applied in order inside one transaction each; `PRAGMA user_version` holds
 * the number of the last one applied. Never edit a migration that has shipped: add the next number.
 */
export const migrations: Migration[] = [
  metaMigration,
  mirrorsMigration,
  syncStateMigration,
  hsToSfMigration,
  logNamesMigration,
  apiUsageMigration,
  bulkJobsMigration,
  engagementMigration,
  hierarchyMigration,
];

export const latestSchemaVersion = (list: Migration[] = migrations): number => list.at(-1)?.version ?? 0;
