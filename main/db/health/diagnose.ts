/**
 * `sfhs doctor`'s findings, gathered without changing anything: the database opened read-only and checked in
 * full, the backups, the writer holding the folder (if any).
 */
import { existsSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { type BackupFile, listBackups } from './backups.js';
import { isDamageError } from './damage.js';
import { headerProblems } from './header.js';
import { fullCheck, fullCheckProblems, KEPT_TABLES } from './integrity.js';

export interface Diagnosis {
  file: string;
  exists: boolean;
  bytes: number;
  ok: boolean;
  /** Damaged tables that only exist here (restore them from a backup). */
  keptDamaged: string[];
  /** Damaged cache tables (rebuilt from Salesforce and HubSpot after a restore). */
  cacheDamaged: string[];
  problems: string[];
  backups: BackupFile[];
  checkMs: number;
}

export function diagnose(dataDir: string, file: string): Diagnosis {
  const started = performance.now();
  const exists = existsSync(file);
  const base = { file, exists, bytes: exists ? statSync(file).size : 0, backups: listBackups(dataDir) };
  if (!exists) return { ...base, ok: true, keptDamaged: [], cacheDamaged: [], problems: [], checkMs: 0 };
  const header = headerProblems(file);
  const elapsed = () => Math.round(performance.now() - started);
  if (header.length) {
    return {
      ...base,
      ok: false,
      keptDamaged: [...KEPT_TABLES],
      cacheDamaged: [],
      problems: header,
      checkMs: elapsed(),
    };
  }
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    if (!isDamageError(error)) throw error;
    const problems = [`the file cannot be opened (${(error as Error).message})`];
    return { ...base, ok: false, keptDamaged: [...KEPT_TABLES], cacheDamaged: [], problems, checkMs: elapsed() };
  }
  try {
    const check = fullCheck(db);
    const damaged = check.tables.map((t) => t.table);
    const kept: readonly string[] = KEPT_TABLES;
    const unreadable = check.other.length > 0 && damaged.length === 0;
    return {
      ...base,
      ok: check.ok,
      keptDamaged: unreadable ? [...KEPT_TABLES] : damaged.filter((t) => kept.includes(t)),
      cacheDamaged: damaged.filter((t) => !kept.includes(t)),
      problems: fullCheckProblems(check),
      checkMs: elapsed(),
    };
  } finally {
    db.close();
  }
}
