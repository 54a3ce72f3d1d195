/**
 * What a damaged database file looks like to the rest of the console: one error that names the file, what is
 * damaged and the command that recovers, so no command prints a stack trace for a malformed file.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../app/errors.js';

/** SQLite's result codes for a file that is not (or no longer) a readable database. */
const DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB)/;

export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DAMAGE_CODES.test(code);
}

export const RESTORE_COMMAND = 'sfhs restore';
export const DOCTOR_COMMAND = 'sfhs doctor';

export class DamagedDatabaseError extends AppError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      'UNAVAILABLE',
      `The database ${file} is damaged: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}.\n` +
        'Nothing was written to it. Links, run journal and log come back from the last good backup with: ' +
        `${RESTORE_COMMAND} (the cache is refreshed from Salesforce and HubSpot at the next run). Details: ${DOCTOR_COMMAND}`,
      problems,
    );
    this.name = 'DamagedDatabaseError';
  }
}

/** The file name SQLite has open (`db.name`), for messages. */
export const fileOf = (db: Database): string => db.name;

/** Any SQLite damage code becomes the named error; everything else passes through unchanged. */
export function asDamage(error: unknown, file: string): unknown {
  if (!isDamageError(error) || error instanceof DamagedDatabaseError) return error;
  return new DamagedDatabaseError(file, [(error as Error).message]);
}
