/**
 * Whether a workspace's folder can be opened, found without opening it for writing: a missing folder, or a database
 * written by a newer version of the console (its schema version is above the newest this version knows).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { WorkspaceState } from '../../../shared/contract/index.js';
import { latestSchemaVersion } from '../../db/migrations/index.js';
import { databaseFileName } from '../services.js';

export interface WorkspaceProbe {
  state: WorkspaceState;
  problem: string | null;
  /** For `newer`: the database's schema version and the newest this version knows. */
  schema?: { found: number; known: number };
}

const ready: WorkspaceProbe = { state: 'ready', problem: null };

export function databaseSchemaVersion(folder: string, nativeBinding?: string): number | null {
  const file = join(folder, databaseFileName);
  if (!existsSync(file)) return null;
  const db = new BetterSqlite3(file, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

export function probeWorkspace(name: string, folder: string, nativeBinding?: string): WorkspaceProbe {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    return {
      state: 'missing',
      problem:
        `The folder of workspace "${name}" is missing: ${folder}. If it was moved, point the workspace at its new ` +
        'place; otherwise remove it from the list.',
    };
  }
  const found = databaseSchemaVersion(folder, nativeBinding);
  const known = latestSchemaVersion();
  if (found !== null && found > known) {
    return {
      state: 'newer',
      problem:
        `Workspace "${name}" was written by a newer version of the console (schema ${found}; this version knows up ` +
        `to ${known}), so it is not opened. Update the console to use it.`,
      schema: { found, known },
    };
  }
  return ready;
}
