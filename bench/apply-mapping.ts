/**
 * R7.6 / R2.5 apply-mapping benchmark: planning "apply Description ↔ description to existing records" over
 * 1,000,000 linked pairs from a warm cache (target: peak RSS ≤ 500 MB). The cache is generated straight into SQLite,
 * then a fresh process (so its peak RSS is the plan's alone) plans the dry run — the diff a person confirms — page
 * by page into the run's journal, and reports time, memory and the decisions per direction.
 *
 *   npm run bench -- apply-mapping [--pairs N]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from 'better-sqlite3';
import { defaultSettings } from '../shared/contract/index.js';
import { closeDatabase, openDatabase } from '../main/db/database.js';
import { planApplyMapping } from '../main/engine/apply-mapping/plan-apply.js';
import { loadPlanContext } from '../main/engine/plan/context.js';
import { saveHsDescribe, saveSfDescribe } from '../main/engine/plan/describes.js';
import type { FieldMapping } from '../main/engine/rules/mappings.js';
import { countOps } from '../main/engine/runs/ops-store.js';
import { createRun } from '../main/engine/runs/runs-store.js';
import { machine, measureInChild, peakRssMb, seconds, timed } from './support/measure.js';
import { updateDocSection } from './support/report.js';

const { values } = parseArgs({
  options: { pairs: { type: 'string', default: '1000000' }, measure: { type: 'string' } },
  strict: false,
});

const MAPPING: FieldMapping = { sfField: 'Description', hsProperty: 'description', rule: 'PREFER_SF_UNLESS_BLANK' };
const sfId = (n: number) => `001${String(n).padStart(15, '0')}`;

/**
 * A warm cache of linked pairs whose Description / description are, in tenths: 4 the same, 3 different (Salesforce
 * wins), 2 blank in Salesforce (HubSpot fills it), 1 blank on both sides. Other mapped fields agree everywhere.
 */
function generate(db: Database, pairs: number): void {
  const at = '2026-01-01T00:00:00.000Z';
  saveSfDescribe(db, [
    { name: 'Name', type: 'string', length: 255, updateable: true, calculated: false },
    { name: 'Description', type: 'textarea', length: 32000, updateable: true, calculated: false },
  ]);
  saveHsDescribe(db, [
    { name: 'name', type: 'string', fieldType: 'text' },
    { name: 'description', type: 'string', fieldType: 'textarea' },
  ]);
  const account = db.prepare(`INSERT INTO sf_accounts (id, name, is_deleted, created_date, system_modstamp, fields)
      VALUES (?, ?, 0, ?, ?, ?)`);
  const company = db.prepare(`INSERT INTO hs_companies (id, name, sf_account_id, archived, created_at, updated_at,
      properties) VALUES (?, ?, ?, 0, ?, ?, ?)`);
  const link = db.prepare(`INSERT INTO links (sf_account_id, hs_company_id, matched_by, linked_at)
      VALUES (?, ?, 'created', ?)`);
  db.transaction(() => {
    for (let i = 0; i < pairs; i++) {
      const id = sfId(i);
      const companyId = String(1e10 + i);
      const name = `Company ${i}`;
      const kind = i % 10;
      const sf = kind < 7 ? `About company ${i}, told in Salesforce.` : null;
      const hs = kind < 4 ? sf : kind < 9 ? `About company ${i}, told in HubSpot.` : null;
      account.run(id, name, at, at, JSON.stringify({ Id: id, Name: name, Description: sf, SystemModstamp: at }));
      company.run(companyId, name, id, at, at, JSON.stringify({ name, description: hs, salesforceaccountid: id }));
      link.run(id, companyId, at);
    }
  })();
}

function measure(file: string): void {
  const db = openDatabase({ file });
  const run = createRun(db, 'apply-mapping', { field: MAPPING.sfField, direction: 'both' }, true);
  const ctx = loadPlanContext(db, defaultSettings, null);
  void timed(() => planApplyMapping(ctx, { runId: run.id, mapping: MAPPING, direction: 'both', dryRun: true })).then(
    ({ value, wallMs, cpuMs }) => {
      const byDirection = db
        .prepare(
          `SELECT system, operation, COUNT(*) AS n FROM run_ops WHERE run_id = ? GROUP BY system, operation ORDER BY 1, 2`,
        )
        .all(run.id) as { system: string; operation: string; n: number }[];
      const counts = countOps(db, run.id);
      closeDatabase(db);
      process.stdout.write(
        `${JSON.stringify({ planned: value, wallMs, cpuMs, peakRssMb: peakRssMb(), byDirection, counts })}\n`,
      );
    },
  );
}

async function main(): Promise<void> {
  const pairs = Number(values.pairs);
  const dir = mkdtempSync(join(tmpdir(), 'sfhs-bench-apply-'));
  const file = join(dir, 'cache.sqlite');
  try {
    const db = openDatabase({ file });
    const made = await timed(() => generate(db, pairs));
    closeDatabase(db);
    console.error(`generated ${pairs.toLocaleString('en-US')} linked pairs in ${seconds(made.wallMs)}`);
    const cacheMb = Math.round(statSync(file).size / 2 ** 20);
    const result = measureInChild<{
      planned: number;
      wallMs: number;
      cpuMs: number;
      peakRssMb: number;
      byDirection: { system: string; operation: string; n: number }[];
    }>(new URL(import.meta.url).pathname, file);
    const n = (system: string, operation: string) =>
      (result.byDirection.find((r) => r.system === system && r.operation === operation)?.n ?? 0).toLocaleString(
        'en-US',
      );
    const host = machine();
    const verdict = result.peakRssMb <= 500 ? 'within' : '**over**';
    updateDocSection(
      join(new URL('..', import.meta.url).pathname, 'docs', 'benchmarks.md'),
      'apply-mapping',
      `## Apply a mapping to existing records (\`npm run bench -- apply-mapping\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${host.cpus} CPUs (${host.model}), ${host.memoryGb} GiB RAM, Node ${host.node}.
A warm cache (SQLite, ${cacheMb} MiB) of ${result.planned.toLocaleString('en-US')} linked account ↔ company pairs; a fresh process plans the dry run of
applying Description ↔ description (Prefer Salesforce unless blank) to every pair, a page of 1,000 links at a time,
journaling one decision per pair. Target: peak RSS ≤ 500 MB. Reading the field afresh from both systems before the
plan is not included (it is bound by the APIs: one Bulk API query, one HubSpot batch read per 100 linked companies).
Wall time includes waiting for a shared, busy machine; CPU time is the cost of the work itself.

| measure | value |
|---|---|
| pairs planned | ${result.planned.toLocaleString('en-US')} |
| time | ${seconds(result.wallMs)} wall, ${seconds(result.cpuMs)} CPU |
| peak RSS | ${result.peakRssMb} MiB (${verdict} the 500 MB target) |
| would change in HubSpot / in Salesforce | ${n('hubspot', 'update')} / ${n('salesforce', 'update')} |
| unchanged | ${n('hubspot', 'skip')} |`,
    );
    console.error(`apply-mapping plan: ${seconds(result.wallMs)}, peak RSS ${result.peakRssMb} MiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (typeof values.measure === 'string') measure(values.measure);
else await main();
