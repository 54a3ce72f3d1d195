/**
 * R3.4 preview benchmark: the account-creation decision for 500,000 HubSpot companies with 1,500,000 contacts from a
 * warm cache (target: under 30 s and under 500 MB peak RSS). The cache is generated straight into SQLite, then a
 * fresh process (so its peak RSS is the preview's alone) streams the whole preview to CSV and counts the reasons.
 *
 *   npm run bench -- preview [--companies N] [--contacts M]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from 'better-sqlite3';
import { defaultSettings, type Settings } from '../shared/contract/index.js';
import { closeDatabase, openDatabase } from '../main/db/database.js';
import { previewCsvLine } from '../main/engine/hs-to-sf/preview-csv.js';
import { summarize } from '../main/engine/hs-to-sf/preview.js';
import { machine, measureInChild, peakRssMb, seconds, timed } from './support/measure.js';
import { updateDocSection } from './support/report.js';

const { values } = parseArgs({
  options: {
    companies: { type: 'string', default: '500000' },
    contacts: { type: 'string', default: '1500000' },
    measure: { type: 'string' },
  },
  strict: false,
});
const LIST = '501';
const settings: Settings = {
  ...defaultSettings,
  defaultSfObjectForNewContacts: 'Contact',
  autoCreateCompaniesInUse: true,
  inclusionListId: LIST,
};

/** A small deterministic PRNG (mulberry32), so every run measures the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sfId = (prefix: string, n: number) => `${prefix}${String(n).padStart(15, '0')}`;

/** A warm cache: companies (30 % linked, to a cached account each, named in the preview; 10 % auto-created), contacts (half synced to SF contacts, a quarter to leads). */
function generate(db: Database, companies: number, contacts: number): void {
  const rnd = random(42);
  const at = '2026-01-01T00:00:00.000Z';
  const company = db.prepare(`INSERT INTO hs_companies (id, name, sf_account_id, owner_id, object_source, archived,
      created_at, updated_at, properties) VALUES (?, ?, ?, ?, ?, 0, ?, ?, '{}')`);
  const contact = db.prepare(`INSERT INTO hs_contacts (id, sf_contact_id, sf_lead_id, archived, updated_at, properties)
      VALUES (?, ?, ?, 0, ?, '{}')`);
  const sfContact = db.prepare(
    `INSERT INTO sf_contacts (id, account_id, is_deleted, system_modstamp, fields) VALUES (?, ?, 0, ?, '{}')`,
  );
  const account = db.prepare(`INSERT INTO sf_accounts (id, name, is_deleted, created_date, system_modstamp, fields)
      VALUES (?, ?, 0, ?, ?, '{}')`);
  const association = db.prepare('INSERT OR IGNORE INTO hs_associations (company_id, contact_id) VALUES (?, ?)');
  const member = db.prepare('INSERT INTO hs_list_members (list_id, contact_id) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < companies; i++) {
      const linked = rnd() < 0.3 ? sfId('001', i) : null;
      const source = rnd() < 0.1 ? 'COMPANY_AUTO_ASSOCIATION' : 'CRM_UI';
      company.run(String(1e10 + i), `Company ${i}`, linked, String(100 + (i % 50)), source, at, at);
      if (linked) account.run(linked, `Account ${i}`, at, at);
    }
    for (let j = 0; j < contacts; j++) {
      const id = String(2e10 + j);
      const kind = rnd();
      const sfContactId = kind < 0.5 ? sfId('003', j) : null;
      contact.run(id, sfContactId, kind >= 0.5 && kind < 0.75 ? sfId('00Q', j) : null, at);
      if (sfContactId) sfContact.run(sfContactId, rnd() < 0.1 ? null : sfId('001', j % companies), at);
      association.run(String(1e10 + Math.floor(rnd() * companies)), id);
      if (rnd() < 0.2) member.run(LIST, id);
    }
  })();
}

function measure(file: string): void {
  const db = openDatabase({ file });
  let bytes = 0;
  const run = timed(() =>
    summarize(db, settings, {}, (company) => {
      bytes += previewCsvLine(company).length; // the CSV export's work, written nowhere
    }),
  );
  void run.then(({ value, wallMs, cpuMs }) => {
    closeDatabase(db);
    process.stdout.write(
      `${JSON.stringify({ ...value, problems: value.problems.length, wallMs, cpuMs, bytes, peakRssMb: peakRssMb() })}\n`,
    );
  });
}

async function main(): Promise<void> {
  const companies = Number(values.companies);
  const contacts = Number(values.contacts);
  const dir = mkdtempSync(join(tmpdir(), 'sfhs-bench-preview-'));
  const file = join(dir, 'cache.sqlite');
  try {
    const db = openDatabase({ file });
    const made = await timed(() => generate(db, companies, contacts));
    closeDatabase(db);
    console.error(`generated ${companies.toLocaleString('en-US')} companies in ${seconds(made.wallMs)}`);
    const result = measureInChild<{
      counts: Record<string, number>;
      total: number;
      wallMs: number;
      cpuMs: number;
      bytes: number;
      peakRssMb: number;
    }>(new URL(import.meta.url).pathname, file);
    const host = machine();
    const counts = Object.entries(result.counts)
      .map(([code, n]) => `${code} ${n.toLocaleString('en-US')}`)
      .join(', ');
    updateDocSection(
      join(new URL('..', import.meta.url).pathname, 'docs', 'benchmarks.md'),
      'preview',
      `## Account-creation preview (\`npm run bench -- preview\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${host.cpus} CPUs (${host.model}), ${host.memoryGb} GiB RAM, Node ${host.node}.
A warm cache (SQLite, ${Math.round(statSync(file).size / 2 ** 20)} MiB) of ${companies.toLocaleString('en-US')} HubSpot companies and ${contacts.toLocaleString('en-US')} contacts; the preview
runs in a fresh process, decides every company (R3.1–R3.4) and renders each as a CSV line. Target: under 30 s and under 500 MB.
Wall time includes waiting for a shared, busy machine; CPU time is the cost of the work itself.

| measure | value |
|---|---|
| companies decided | ${result.total.toLocaleString('en-US')} |
| time | ${seconds(result.wallMs)} wall, ${seconds(result.cpuMs)} CPU |
| peak RSS | ${result.peakRssMb} MiB |
| CSV produced | ${Math.round(result.bytes / 2 ** 20)} MiB |
| counts | ${counts} |`,
    );
    console.error(`preview: ${seconds(result.wallMs)}, peak RSS ${result.peakRssMb} MiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (typeof values.measure === 'string') measure(values.measure);
else await main();
