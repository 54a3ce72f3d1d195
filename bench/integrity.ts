/**
 * The integrity check at open on a 2 GB data folder (target: under a second), the full check (`sfhs doctor`) and
 * one online backup, measured on a generated database shaped like a big workspace: a HubSpot/Salesforce cache
 * that makes up most of the file, and the kept tables (journal of a 200,000-account import, its log) beside it.
 *
 *   npm run bench -- integrity [--gb 2] [--journal-ops 200000]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from 'better-sqlite3';
import { closeDatabase, openDatabase } from '../main/db/database.js';
import { takeBackup } from '../main/db/health/backups.js';
import { fullCheck, KEPT_TABLES } from '../main/db/health/integrity.js';
import { openCheckedDatabase } from '../main/db/health/open-checked.js';
import { machine, seconds, timed } from './support/measure.js';
import { updateDocSection } from './support/report.js';

const { values } = parseArgs({
  options: { gb: { type: 'string', default: '2' }, 'journal-ops': { type: 'string', default: '200000' } },
  strict: false,
});
const targetBytes = Number(values.gb) * 2 ** 30;
const journalOps = Number(values['journal-ops']);
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MiB`;

/** Rows straight from SQL (a recursive counter), so 2 GB is written in seconds rather than minutes. */
function generate(db: Database, file: string): void {
  db.exec(
    `INSERT INTO runs (id, kind, options, state, created_at) VALUES ('run_bench', 'import', '{}', 'completed', '2026-01-01T00:00:00Z')`,
  );
  db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${journalOps})
    INSERT INTO run_ops (run_id, seq, system, operation, sf_account_id, hs_company_id, payload, diff, reason, state, updated_at)
      SELECT 'run_bench', i, 'hubspot', 'create', printf('001%015d', i), printf('%d', 10000000000 + i),
        json_object('name', hex(randomblob(24)), 'domain', hex(randomblob(8)) || '.example', 'industry', 'Banking'),
        '[]', 'CREATE_NEW', 'confirmed', '2026-01-01T00:00:00Z' FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${journalOps * 2})
    INSERT INTO log (run_id, at, direction, sf_account_id, hs_company_id, operation, reason, before, after, outcome)
      SELECT 'run_bench', '2026-01-01T00:00:00Z', 'sf_to_hs', printf('001%015d', i / 2), printf('%d', 10000000000 + i / 2),
        'create', 'CREATE_NEW', '{}', json_object('name', hex(randomblob(24))), 'written' FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${journalOps})
    INSERT INTO links (sf_account_id, hs_company_id, matched_by, linked_at)
      SELECT printf('001%015d', i), printf('%d', 10000000000 + i), 'created', '2026-01-01T00:00:00Z' FROM n;
  `);
  // The cache fills the rest, 50,000 companies at a time, until the file reaches the target size.
  let next = 1;
  while (statSync(file).size < targetBytes) {
    db.exec(`
      WITH RECURSIVE n(i) AS (SELECT ${next} UNION ALL SELECT i + 1 FROM n WHERE i < ${next + 49_999})
      INSERT INTO hs_companies (id, name, domain, sf_account_id, archived, created_at, updated_at, properties)
        SELECT printf('%d', 20000000000 + i), hex(randomblob(12)), hex(randomblob(6)) || '.example', NULL, 0,
          '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z',
          json_object('description', hex(randomblob(400)), 'industry', 'Banking', 'city', hex(randomblob(8))) FROM n;
    `);
    next += 50_000;
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}

function tableBytes(db: Database, tables: readonly string[]): number | null {
  try {
    const sum = db.prepare(`SELECT sum(pgsize) FROM dbstat WHERE name IN (SELECT value FROM json_each(:names))
      OR name IN (SELECT name FROM sqlite_schema WHERE tbl_name IN (SELECT value FROM json_each(:names)))`);
    return sum.pluck().get({ names: JSON.stringify(tables) }) as number;
  } catch {
    return null; // dbstat is not compiled into every SQLite build; the figure is then left out
  }
}

const dir = mkdtempSync(join(tmpdir(), 'sfhs-bench-integrity-'));
const file = join(dir, 'sfhs.sqlite');
try {
  const db = openDatabase({ file });
  const made = await timed(() => generate(db, file));
  const keptBytes = tableBytes(db, KEPT_TABLES);
  closeDatabase(db);
  const size = statSync(file).size;
  console.error(`generated ${mib(size)} in ${seconds(made.wallMs)}`);
  // Cold-ish and warm opens: the page cache of the OS holds the file after generation, as after a recent run.
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) {
    const open = await timed(() => openCheckedDatabase({ file }));
    opens.push(open.wallMs);
    closeDatabase(open.value);
  }
  const checked = openDatabase({ file });
  const full = await timed(() => fullCheck(checked));
  const backup = await timed(() => takeBackup(checked, dir, 1));
  closeDatabase(checked);
  const median = [...opens].sort((a, b) => a - b)[1] ?? 0;
  const m = machine();
  const rows = [
    `| database | ${mib(size)}: ${journalOps.toLocaleString('en-US')} journal ops, ${(journalOps * 2).toLocaleString('en-US')} log entries, ${journalOps.toLocaleString('en-US')} links${keptBytes ? ` (kept tables ${mib(keptBytes)})` : ''}, the rest cache |`,
    `| open with the quick check (header, kept tables but journal and log in full, journal of unfinished runs), median of 3 | **${Math.round(median)} ms** (target < 1,000 ms); runs: ${opens.map((o) => Math.round(o)).join(', ')} ms |`,
    `| full check (\`sfhs doctor\`: every table and index) | ${seconds(full.wallMs)} (${full.value.ok ? 'whole' : 'damaged'}) |`,
    `| one online backup (\`backup()\`, verified) | ${seconds(backup.wallMs)} |`,
  ];
  const markdown = [
    '## Integrity (`npm run bench -- integrity`)',
    '',
    `${m.cpus} × ${m.model}, ${m.memoryGb} GB, Node ${m.node}; file in the OS page cache (as after a recent run).`,
    '',
    '| measure | value |',
    '|---|---|',
    ...rows,
  ].join('\n');
  console.log(markdown);
  updateDocSection(join(new URL('..', import.meta.url).pathname, 'docs', 'benchmarks.md'), 'integrity', markdown);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
