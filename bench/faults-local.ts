/**
 * Fault scenarios on the laptop's side, each with the real CLI in child processes against a rate-limited sandbox:
 * SIGKILLs while companies are being written, two writers at once, a database damaged or cut short mid-import, a
 * disk that fills up. Each ends with the folder checked (faults-check.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Sandbox, startSandbox } from '../sandbox/index.js';
import { journalProgress, waitForJournal } from '../tests/support/child-import.js';
import { databaseOf, scribbleRootPage, truncateToThird } from '../tests/damage/support.js';
import { listBackups } from '../main/db/health/backups.js';
import { type FolderVerdict, checkFolder } from './faults-check.js';
import { connectByCli, sfhs, startSfhs } from './faults-cli.js';

export interface ScenarioResult {
  name: string;
  /** What happened, in a few words, for the table. */
  detail: string;
  kills: number;
  killsWhileWriting: number;
  faults: number;
  verdict: FolderVerdict;
}

/**
 * A slow enough write phase to land kills in: HubSpot at 3 calls per 10 s, 100 companies a call, so every restart
 * writes a burst of up to 300 and then waits for the window.
 */
export const KILL_LIMIT = '3/10s';
const rateLimited = (accounts: number, seed: number) =>
  startSandbox({ accounts, contacts: Math.floor(accounts / 10), hsCompanies: 0, seed, hsLimit: KILL_LIMIT });

async function inSandbox(
  accounts: number,
  seed: number,
  dataDir: string,
  body: (sandbox: Sandbox) => Promise<Omit<ScenarioResult, 'verdict'>>,
): Promise<ScenarioResult> {
  const sandbox = await rateLimited(accounts, seed);
  try {
    await connectByCli(dataDir, sandbox);
    const result = await body(sandbox);
    return { ...result, verdict: checkFolder(sandbox, dataDir) };
  } finally {
    await sandbox.close();
  }
}

/** Runs `sfhs import` until it completes (a paused run is resumed by the next import); fails after `tries`. */
async function importToTheEnd(dataDir: string, tries = 5): Promise<string> {
  let last = '';
  for (let i = 0; i < tries; i++) {
    const { code, stderr } = await sfhs(dataDir, ['import', '--json']);
    if (code === 0) return `completed after ${i + 1} import(s)`;
    last = `exit ${code}: ${stderr.trim().split('\n')[0]}`;
  }
  throw new Error(`The import did not complete in ${tries} tries (${last})`);
}

export function killsWhileWriting(dataDir: string, kills: number, accounts: number, seed = 41) {
  return inSandbox(accounts, seed, dataDir, async () => {
    let dice = seed;
    const random = () => {
      dice = (dice * 1_103_515_245 + 12_345) % 2 ** 31;
      return dice / 2 ** 31;
    };
    let whileWriting = 0;
    let landed = 0;
    for (let k = 0; k < kills; k++) {
      // Each restart is killed after a random 1 to 250 more companies are confirmed: inside its first burst.
      const target = journalProgress(dataDir).confirmed + 1 + Math.floor(random() * 250);
      const run = startSfhs(dataDir, ['import', '--json']);
      const outcome = await waitForJournal(dataDir, run, (p) => p.confirmed >= target && p.confirmed < p.planned);
      if (outcome === 'reached') {
        const at = journalProgress(dataDir);
        run.child.kill('SIGKILL');
        landed++;
        if (at.confirmed > 0 && at.confirmed < at.planned) whileWriting++;
      }
      await run.exited;
    }
    const detail = await importToTheEnd(dataDir);
    return { name: 'SIGKILL while writing', detail, kills: landed, killsWhileWriting: whileWriting, faults: 0 };
  });
}

export function twoWriters(dataDir: string, accounts: number) {
  return inSandbox(accounts, 43, dataDir, async () => {
    const [first, second] = await Promise.all([
      sfhs(dataDir, ['import', '--json']),
      new Promise((resolve) => setTimeout(resolve, 300)).then(() => sfhs(dataDir, ['import', '--json'])),
    ]);
    const codes = [first.code, second.code].sort();
    if (codes[0] !== 0 || codes[1] !== 10) {
      throw new Error(`Two writers: expected one import to finish (0) and one refused (10), got ${codes.join(', ')}`);
    }
    return {
      name: 'two writers',
      detail: 'one import ran, the other was refused (exit 10)',
      kills: 0,
      killsWhileWriting: 0,
      faults: 1,
    };
  });
}

/** Killed mid-write, then the database damaged: the next import must refuse (exit 9), restore, and finish. */
export function damagedMidImport(dataDir: string, accounts: number, how: 'corrupted' | 'truncated') {
  return inSandbox(accounts, how === 'corrupted' ? 45 : 47, dataDir, async () => {
    const run = startSfhs(dataDir, ['import', '--json']);
    // Killed once the plan's backup exists: this scenario is about restoring from one.
    await waitForJournal(
      dataDir,
      run,
      (p) => p.confirmed >= accounts / 3 && p.confirmed < p.planned && listBackups(dataDir).length > 0,
    );
    run.child.kill('SIGKILL');
    await run.exited;
    // Fold the WAL in first (as a clean close would), so the damage lands in the file that holds the journal.
    const db = new Database(databaseOf(dataDir));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    if (how === 'corrupted') scribbleRootPage(databaseOf(dataDir), 'run_ops');
    else truncateToThird(databaseOf(dataDir));
    const refused = await sfhs(dataDir, ['import', '--json']);
    if (refused.code !== 9 || !refused.stderr.includes('sfhs restore') || !refused.stderr.includes('sfhs.sqlite')) {
      throw new Error(
        `A ${how} database was not refused with the file and "sfhs restore" named: exit ${refused.code}, ${refused.stderr}`,
      );
    }
    const restored = await sfhs(dataDir, ['restore']);
    if (restored.code !== 0) throw new Error(`sfhs restore exited ${restored.code}: ${restored.stderr}`);
    const detail = await importToTheEnd(dataDir);
    return {
      name: `${how} database`,
      detail: `refused (exit 9), restored, ${detail}`,
      kills: 1,
      killsWhileWriting: 1,
      faults: 1,
    };
  });
}

/** A data folder on a 12 MB tmpfs, filled up before the import; mounting needs root (else skipped, saying so). */
export async function diskFull(dataDir: string, accounts: number): Promise<ScenarioResult | string> {
  mkdirSync(dataDir, { recursive: true });
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=12m', 'tmpfs', dataDir]).status !== 0) {
    return 'disk full: skipped, a tmpfs cannot be mounted here (needs root)';
  }
  try {
    return await inSandbox(accounts, 49, dataDir, async () => {
      const { bavail, bsize } = statfsSync(dataDir);
      const filler = join(dataDir, 'filler');
      writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - 1_500_000)));
      const full = await sfhs(dataDir, ['import', '--json']);
      if (full.code !== 12)
        throw new Error(`A full disk did not pause the import with exit 12: ${full.code} ${full.stderr}`);
      rmSync(filler);
      const detail = await importToTheEnd(dataDir);
      return {
        name: 'disk full (12 MB tmpfs)',
        detail: `paused (exit 12), room again, ${detail}`,
        kills: 0,
        killsWhileWriting: 0,
        faults: 1,
      };
    });
  } finally {
    execFileSync('umount', [dataDir]);
  }
}
