/**
 * A generated org saved to one SQLite file, so a million-account sandbox is generated once and reloaded in seconds.
 * One table per record kind, each row the record as JSON (the emulators want whole records back, and JSON keeps
 * every model field without a column list to maintain). The meta table records the seed parameters; a file made
 * with other parameters, or by an older generator, is regenerated rather than trusted.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { SandboxData } from '../model.js';
import {
  generateSandboxData,
  type GeneratedSandbox,
  resolveSeedOptions,
  type SeedOptions,
  type SeedParams,
} from '../seed/index.js';

/** Bump when the generator's output changes for the same parameters, so old snapshots are not reused. */
export const SNAPSHOT_FORMAT = 1;

type Kind = readonly [table: string, side: 'salesforce' | 'hubspot', key: string];
const KINDS: readonly Kind[] = [
  ['sf_users', 'salesforce', 'users'],
  ['sf_accounts', 'salesforce', 'accounts'],
  ['sf_contacts', 'salesforce', 'contacts'],
  ['sf_leads', 'salesforce', 'leads'],
  ['hs_owners', 'hubspot', 'owners'],
  ['hs_companies', 'hubspot', 'companies'],
  ['hs_contacts', 'hubspot', 'contacts'],
  ['hs_associations', 'hubspot', 'associations'],
  ['hs_lists', 'hubspot', 'lists'],
];

const recordsOf = (data: SandboxData, [, side, key]: Kind): unknown[] =>
  (data[side] as unknown as Record<string, unknown[]>)[key] as unknown[];

/** Writes to a temporary file and renames it, so an interrupted save never leaves a half snapshot behind. */
export function saveSnapshot(file: string, generated: GeneratedSandbox): void {
  const temp = `${file}.partial`;
  rmSync(temp, { force: true });
  const db = new Database(temp);
  try {
    // A fresh file that is renamed into place when complete: no journal or fsync needed while filling it.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT');
    for (const [table] of KINDS)
      db.exec(`CREATE TABLE ${table} (seq INTEGER PRIMARY KEY, record TEXT NOT NULL) STRICT`);
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (@key, @value)');
    db.transaction(() => {
      meta.run({ key: 'format', value: String(SNAPSHOT_FORMAT) });
      meta.run({ key: 'params', value: JSON.stringify(generated.params) });
      meta.run({ key: 'expected', value: JSON.stringify(generated.expected) });
      meta.run({ key: 'createdAt', value: new Date().toISOString() });
    })();
    for (const kind of KINDS) {
      const insert = db.prepare(`INSERT INTO ${kind[0]} (seq, record) VALUES (?, ?)`);
      const records = recordsOf(generated.data, kind);
      db.transaction(() => {
        for (let i = 0; i < records.length; i++) insert.run(i, JSON.stringify(records[i]));
      })();
    }
  } finally {
    db.close();
  }
  renameSync(temp, file);
}

function readMeta(db: Database.Database): Map<string, string> {
  const rows = db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>;
  return new Map(rows.map((r) => [r.key, r.value]));
}

/** The parameters a snapshot was made with, or undefined when the file is missing, foreign or of an old format. */
export function snapshotParams(file: string): SeedParams | undefined {
  if (!existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const meta = readMeta(db);
    if (meta.get('format') !== String(SNAPSHOT_FORMAT)) return undefined;
    return JSON.parse(meta.get('params') ?? 'null') as SeedParams | undefined;
  } catch {
    return undefined; // not a snapshot (no meta table): treated as absent, and replaced by a fresh one
  } finally {
    db.close();
  }
}

export function loadSnapshot(file: string): GeneratedSandbox {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const meta = readMeta(db);
    const data: SandboxData = {
      salesforce: { accounts: [], contacts: [], leads: [], users: [] },
      hubspot: { companies: [], contacts: [], associations: [], lists: [], owners: [] },
    };
    for (const kind of KINDS) {
      const target = recordsOf(data, kind);
      // iterate() + pluck() streams one JSON text at a time instead of materialising every row first.
      for (const text of db.prepare(`SELECT record FROM ${kind[0]} ORDER BY seq`).pluck().iterate()) {
        target.push(JSON.parse(text as string));
      }
    }
    return {
      params: JSON.parse(meta.get('params') ?? 'null') as SeedParams,
      expected: JSON.parse(meta.get('expected') ?? 'null') as GeneratedSandbox['expected'],
      data,
    };
  } finally {
    db.close();
  }
}

export interface SnapshotResult {
  generated: GeneratedSandbox;
  source: 'snapshot' | 'generated';
}

/** `--snapshot FILE`: load FILE if it was made with the same parameters, else generate and save it. */
export function loadOrGenerate(file: string, options: SeedOptions): SnapshotResult {
  const wanted = resolveSeedOptions(options);
  const stored = snapshotParams(file);
  if (stored && JSON.stringify(stored) === JSON.stringify(wanted))
    return { generated: loadSnapshot(file), source: 'snapshot' };
  const generated = generateSandboxData(wanted);
  saveSnapshot(file, generated);
  return { generated, source: 'generated' };
}
