/**
 * How sure we are that the file can be trusted. The quick check (every open, and before a journal is resumed)
 * reads the header and walks the tables that cannot be rebuilt — journal, links, agreed values, log — and stays
 * under a second on a 2 GB cache because the mirrors, which make up the bulk, are left to the full check
 * (`sfhs doctor`) and to SQLite's own checks as pages are read. The full check walks every table and index.
 */
import type { Database } from 'better-sqlite3';
import { DamagedDatabaseError, isDamageError } from './damage.js';
import { headerProblems } from './header.js';

/** The tables that exist only here: the cache tables are rebuilt from Salesforce and HubSpot, these are not. */
export const KEPT_TABLES = [
  'meta',
  'links',
  'field_state',
  'mappings',
  'runs',
  'run_ops',
  'retry_queue',
  'pending_changes',
  'sync_cursors',
  'api_usage',
  'log',
] as const;

/** The run journal: checked in full before a run continues from it (acting on a damaged one can duplicate). */
export const JOURNAL_TABLES = ['runs', 'run_ops'] as const;

/**
 * Checked in full at every open: the kept tables whose size follows the number of records, not the history. The
 * two that grow with every run — `run_ops` and `log` — get the targeted journal check at open and the full check
 * before a resume and in `sfhs doctor`, so opening stays under a second however long the history is.
 */
export const OPEN_CHECK_TABLES = KEPT_TABLES.filter((table) => table !== 'run_ops' && table !== 'log');

/**
 * The journal of the runs that can still act (unfinished ones): every op read through the state index and through
 * the table, which walks exactly the pages a resume would use and finds an op missing from either.
 */
function unfinishedJournalProblems(db: Database): string[] {
  const runs = db
    .prepare(`SELECT id FROM runs WHERE state IN ('planning', 'planned', 'running', 'paused') AND dry_run = 0`)
    .pluck()
    .all() as string[];
  const byIndex = db.prepare('SELECT count(*) FROM run_ops INDEXED BY run_ops_state WHERE run_id = :runId').pluck();
  const byTable = db.prepare('SELECT count(*) FROM run_ops NOT INDEXED WHERE run_id = :runId').pluck();
  return runs.flatMap((runId) => {
    const indexed = byIndex.get({ runId }) as number;
    const stored = byTable.get({ runId }) as number;
    return indexed === stored
      ? []
      : [`table run_ops: run ${runId} has ${stored} ops but its state index lists ${indexed}`];
  });
}

export interface TableCheck {
  table: string;
  /** Empty when the table and its indexes are whole. */
  problems: string[];
}

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** `PRAGMA quick_check(T)` / `integrity_check(T)`: T and its indexes only; damage it cannot even read is a problem too. */
function checkTable(db: Database, table: string, pragma: 'quick_check' | 'integrity_check'): TableCheck {
  try {
    const rows = db.pragma(`${pragma}(${quoted(table)})`, { simple: false }) as Record<string, string>[];
    // SQLite prefixes multi-line reports with "*** in database main ***"; one line per problem reads better.
    const problems = rows
      .flatMap((row) => (Object.values(row)[0] ?? '').split('\n'))
      .filter((text) => text !== 'ok' && text !== '' && !text.startsWith('*** in database'));
    return { table, problems };
  } catch (error) {
    if (!isDamageError(error)) throw error;
    return { table, problems: [`cannot be read (${(error as Error).message})`] };
  }
}

function existingTables(db: Database, wanted?: readonly string[]): string[] {
  const names = (
    db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .pluck()
      .all() as string[]
  ).sort();
  return wanted ? wanted.filter((name) => names.includes(name)) : names;
}

const describe = (checks: TableCheck[]): string[] =>
  checks.flatMap(({ table, problems }) => problems.slice(0, 5).map((p) => `table ${table}: ${p}`));

/** Throws DamagedDatabaseError naming the file and the damaged tables; returns quietly when all is whole. */
export function quickCheck(db: Database, tables: readonly string[] = OPEN_CHECK_TABLES): void {
  const file = db.name;
  const header = file === ':memory:' ? [] : headerProblems(file);
  if (header.length) throw new DamagedDatabaseError(file, header);
  let checks: TableCheck[];
  try {
    checks = existingTables(db, tables).map((table) => checkTable(db, table, 'quick_check'));
  } catch (error) {
    if (!isDamageError(error)) throw error;
    throw new DamagedDatabaseError(file, [`its table list cannot be read (${(error as Error).message})`]);
  }
  const problems = describe(checks);
  if (problems.length === 0 && existingTables(db, ['run_ops']).length > 0) {
    try {
      problems.push(...unfinishedJournalProblems(db));
    } catch (error) {
      if (!isDamageError(error)) throw error;
      problems.push(`table run_ops: the journal of an unfinished run cannot be read (${(error as Error).message})`);
    }
  }
  if (problems.length) throw new DamagedDatabaseError(file, problems);
}

export interface FullCheck {
  file: string;
  ok: boolean;
  tables: TableCheck[];
  /** Problems outside any one table (free pages, the header, an unreadable schema). */
  other: string[];
}

/** `sfhs doctor`: every table with its indexes, then the whole file (free-list and page accounting). */
export function fullCheck(db: Database): FullCheck {
  const file = db.name;
  const header = file === ':memory:' ? [] : headerProblems(file);
  let tables: TableCheck[] = [];
  const other = [...header];
  try {
    tables = existingTables(db).map((table) => checkTable(db, table, 'integrity_check'));
    if (tables.every((t) => t.problems.length === 0)) {
      const rows = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
      other.push(...rows.map((r) => r.integrity_check).filter((text) => text !== 'ok'));
    }
  } catch (error) {
    if (!isDamageError(error)) throw error;
    other.push(`the file cannot be read (${(error as Error).message})`);
  }
  const ok = other.length === 0 && tables.every((t) => t.problems.length === 0);
  return { file, ok, tables: tables.filter((t) => t.problems.length > 0), other };
}

export const fullCheckProblems = (check: FullCheck): string[] => [...check.other, ...describe(check.tables)];
