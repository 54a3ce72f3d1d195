/**
 * When backups are taken: after a real run is planned (the journal about to be acted on) and when it ends or
 * pauses. Requests arriving while one is being written coalesce into one more; `settle` lets a process that is
 * about to close the database wait for the backup in progress.
 */
import type { Database } from 'better-sqlite3';
import type { RunSummary } from '../../../shared/contract/index.js';
import { listBackups, takeBackup } from './backups.js';

const BOUNDARIES: ReadonlySet<RunSummary['state']> = new Set(['planned', 'paused', 'completed', 'failed', 'cancelled']);

export const isBackupBoundary = (run: RunSummary): boolean => !run.dryRun && BOUNDARIES.has(run.state);

/**
 * Decision: at most one backup per half hour (a 2 GB file takes about a minute to copy, and a sync loop ends a
 * run every few minutes); an import's end is always backed up, as it is the run that creates most links.
 */
export const MIN_BACKUP_INTERVAL_MS = 30 * 60_000;

export class BackupSchedule {
  private current: Promise<void> | null = null;
  private again = false;
  /** Off once the file is found damaged: a backup of a damaged file would push a good one out. */
  private enabled = true;
  /** Set by `stop`: the database is being closed on purpose. */
  private stopping = false;

  constructor(
    private readonly db: Database,
    private readonly dataDir: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  disable(): void {
    this.enabled = false;
  }

  /**
   * Before the database closes: no new backup starts, and the one being written, cut short by the close, is not an
   * error (takeBackup removes its partial file). `settle` first to keep it instead.
   */
  stop(): void {
    this.disable();
    this.stopping = true;
  }

  request(run?: RunSummary): void {
    if (!this.enabled) return;
    const newest = listBackups(this.dataDir)[0];
    const recent = newest && Date.now() - Date.parse(newest.takenAt) < MIN_BACKUP_INTERVAL_MS;
    const importEnded = run?.kind === 'import' && run.state === 'completed';
    if (recent && !importEnded) return;
    if (this.current) {
      this.again = true;
      return;
    }
    this.current = this.loop().finally(() => {
      this.current = null;
    });
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      if (!this.db.open) return;
      await takeBackup(this.db, this.dataDir).catch((error: unknown) => {
        if (this.stopping && !this.db.open) return;
        this.onError(error);
      });
    } while (this.again && this.enabled);
  }

  settle(): Promise<void> {
    return this.current ?? Promise.resolve();
  }
}
