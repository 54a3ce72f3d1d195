/**
 * One writer per data folder. The lock is an exclusive SQLite lock on `sfhs.lock` (fcntl on Unix, LockFileEx on
 * Windows), held by the operating system for as long as the process lives: a process killed with SIGKILL loses
 * it at once, so a stale lock is taken over safely with no guessing about pids. Who holds it is written next to
 * it (`sfhs.lock.json`) for the message the second writer prints. Readers never take it.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AppError } from './errors.js';

export const lockFileName = 'sfhs.lock';

export interface LockHolder {
  pid: number;
  command: string;
  since: string;
  host: string;
}

export class WorkspaceBusyError extends AppError {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? `process ${holder.pid} ("${holder.command}"${holder.host === hostname() ? '' : ` on ${holder.host}`}) since ${holder.since}`
      : 'another process that is starting up';
    super(
      'CONFLICT',
      `Another sfhs process is writing to ${dataDir}: ${who}. Only one may write at a time, so nothing was ` +
        'changed. Wait for it to finish or stop it; reading (sfhs runs, sfhs log, sfhs status) works meanwhile.',
    );
    this.name = 'WorkspaceBusyError';
  }
}

const holderFile = (dataDir: string): string => join(dataDir, `${lockFileName}.json`);

export function readLockHolder(dataDir: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(holderFile(dataDir), 'utf8')) as LockHolder;
  } catch (error) {
    // No file yet, or a half-written one from a process that was killed: there is no holder to name.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return null;
    throw error;
  }
}

const isBusy = (error: unknown): boolean =>
  /^SQLITE_BUSY|^SQLITE_LOCKED/.test(String((error as { code?: unknown }).code));

export class WorkspaceLock {
  private db: Database | null = null;

  constructor(
    readonly dataDir: string,
    private readonly command: string,
    private readonly nativeBinding?: string,
  ) {}

  get held(): boolean {
    return this.db !== null;
  }

  /** Takes the lock for the rest of this process (or until `release`); throws WorkspaceBusyError if another has it. */
  acquire(): void {
    if (this.db) return;
    const db = new BetterSqlite3(join(this.dataDir, lockFileName), {
      timeout: 0,
      ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
    });
    try {
      // EXCLUSIVE locking mode keeps the lock after the transaction, until the connection closes.
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER); COMMIT;');
    } catch (error) {
      db.close();
      if (isBusy(error)) throw new WorkspaceBusyError(this.dataDir, readLockHolder(this.dataDir));
      throw error;
    }
    this.db = db;
    const holder: LockHolder = {
      pid: process.pid,
      command: this.command,
      since: new Date().toISOString(),
      host: hostname(),
    };
    const temp = `${holderFile(this.dataDir)}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(holder), { mode: 0o600 });
    renameSync(temp, holderFile(this.dataDir));
  }

  /**
   * Runs `fn` only when no other process writes (taking the lock for its duration if this process does not hold
   * it yet); answers whether it ran. For housekeeping that is only right when nobody else is mid-run.
   */
  ifNoOtherWriter(fn: () => void): boolean {
    if (this.db) {
      fn();
      return true;
    }
    try {
      this.acquire();
    } catch (error) {
      if (error instanceof WorkspaceBusyError) return false;
      throw error;
    }
    try {
      fn();
    } finally {
      this.release();
    }
    return true;
  }

  release(): void {
    this.db?.close();
    this.db = null;
  }
}
