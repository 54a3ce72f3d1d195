/**
 * The disk under the data folder fills up or turns read-only while a run writes. SQLite rolls the failed
 * statement back, so what was confirmed stays confirmed; the run pauses with a message that names the folder and
 * the cause, and resumes from its journal once there is room again (the sync loop simply tries again).
 */
import { AppError } from '../../app/errors.js';

const STORAGE_CODES: ReadonlyArray<[RegExp, string]> = [
  [/^SQLITE_FULL$|^ENOSPC$|^EDQUOT$/, 'the disk is full'],
  [/^SQLITE_READONLY|^EROFS$|^EACCES$|^EPERM$/, 'the data folder cannot be written (read-only or no permission)'],
  [/^SQLITE_IOERR|^EIO$|^EFBIG$/, 'the disk refused a write (input/output error or file size limit)'],
  [/^SQLITE_CANTOPEN$/, 'a file in the data folder cannot be opened'],
];

/** The cause in words, or null when the error is not about storage. */
export function storageCause(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  return STORAGE_CODES.find(([pattern]) => pattern.test(code))?.[1] ?? null;
}

export class StorageError extends AppError {
  constructor(
    readonly dataDir: string,
    readonly problem: string,
    runId: string | null,
  ) {
    super(
      'UNAVAILABLE',
      `Paused: ${problem} (${dataDir}). Everything confirmed so far is kept${runId ? ` and run ${runId} resumes from its journal` : ''} ` +
        "once there is room again (free some space, or fix the folder's permissions, then run the command again).",
    );
    this.name = 'StorageError';
  }
}
