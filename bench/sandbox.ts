/**
 * `npm run bench:sandbox [-- --accounts N] [-- --quick]`: how fast the sandbox is, so that engine benchmarks can
 * trust they measure the engine. Generates the full-size org (1,000,000 accounts, 2,000,000 people), saves and
 * loads its snapshot, then starts `sfhs sandbox` as a separate process and drives it with the real clients:
 * a 200,000-account SOQL read (REST paging and Bulk API 2.0) and HubSpot batch/read calls with limits off.
 * Prints the figures and writes them into the sandbox section of docs/benchmarks.md.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Client } from '@hubspot/api-client';
import jsforce from 'jsforce';
import { countData, type SandboxInfo } from '../sandbox/index.js';
import { generateSandboxData, type GeneratedSandbox } from '../sandbox/seed/index.js';
import { loadSnapshot, saveSnapshot } from '../sandbox/snapshot/index.js';
import { machine, peakRssMb, perSecond, pool, seconds, timed } from './support/measure.js';
import { updateDocSection } from './support/report.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: { accounts: { type: 'string' }, contacts: { type: 'string' }, quick: { type: 'boolean', default: false } },
});
const accounts = Number(values.accounts ?? (values.quick ? 50_000 : 1_000_000));
const contacts = Number(values.contacts ?? accounts * 2);
const served = values.quick ? 20_000 : 200_000;
const hsCalls = values.quick ? 2_000 : 20_000;
const CONCURRENCY = 8;
const lines: string[] = [];
const report = (line: string) => {
  lines.push(line);
  console.log(line);
};

async function startChildSandbox(): Promise<{ child: ChildProcess; info: SandboxInfo }> {
  const args = [
    'bin/sfhs.js',
    'sandbox',
    '--accounts',
    String(served),
    '--contacts',
    String(served * 2),
    '--hs-limit',
    'off',
  ];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
    return { child, info: JSON.parse(line) as SandboxInfo };
  }
  throw new Error('sfhs sandbox printed nothing');
}

async function benchSeedAndSnapshot(): Promise<void> {
  let generated: GeneratedSandbox | undefined;
  const gen = await timed(() => {
    generated = generateSandboxData({ accounts, contacts });
  });
  if (!generated) throw new Error('generation produced nothing');
  const c = countData(generated.data);
  const records = c.sfAccounts + c.sfContacts + c.sfLeads + c.hsCompanies + c.hsContacts + c.hsAssociations;
  report(
    `| Generate ${accounts.toLocaleString('en-US')} accounts + ${contacts.toLocaleString('en-US')} people (${records.toLocaleString('en-US')} records, incl. ${c.hsCompanies.toLocaleString('en-US')} HS companies, ${c.hsContacts.toLocaleString('en-US')} HS contacts) | ${seconds(gen.wallMs)} wall, ${seconds(gen.cpuMs)} CPU; peak RSS ${peakRssMb()} MiB |`,
  );
  const file = join(tmpdir(), `sfhs-bench-${process.pid}.sqlite`);
  try {
    const save = await timed(() => saveSnapshot(file, generated as GeneratedSandbox));
    generated = undefined;
    const mb = Math.round(statSync(file).size / 2 ** 20);
    report(`| Snapshot save (SQLite, ${mb} MiB) | ${seconds(save.wallMs)} wall, ${seconds(save.cpuMs)} CPU |`);
    const load = await timed(() => loadSnapshot(file).data.salesforce.accounts.length);
    report(
      `| Snapshot load (${load.value.toLocaleString('en-US')} accounts and the rest) | ${seconds(load.wallMs)} wall, ${seconds(load.cpuMs)} CPU |`,
    );
  } finally {
    rmSync(file, { force: true });
  }
}

async function benchSalesforce(info: SandboxInfo): Promise<void> {
  const conn = new jsforce.Connection({
    instanceUrl: info.salesforce.url,
    accessToken: info.salesforce.accessToken,
    version: '62.0',
  });
  const soql = 'SELECT Id, Name, Website, Industry, OwnerId, SystemModstamp FROM Account';
  const rest = await timed(
    async () => (await conn.query(soql).run({ autoFetch: true, maxFetch: served + 1 })).records.length,
  );
  report(
    `| SF REST query + queryMore via jsforce (autoFetch, ${rest.value.toLocaleString('en-US')} records) | ${seconds(rest.wallMs)}: ${perSecond(rest.value, rest.wallMs)} records/s |`,
  );
  const bulk = await timed(async () => (await (await conn.bulk2.query(soql, { pollInterval: 50 })).toArray()).length);
  report(
    `| SF Bulk API 2.0 query via jsforce bulk2.query (${bulk.value.toLocaleString('en-US')} records) | ${seconds(bulk.wallMs)}: ${perSecond(bulk.value, bulk.wallMs)} records/s |`,
  );
}

async function benchHubSpot(info: SandboxInfo): Promise<void> {
  const companies = info.counts.hsCompanies;
  const inputs = (call: number) =>
    Array.from({ length: 100 }, (_, j) => ({ id: String(10_000_000_001 + ((call * 100 + j) % companies)) }));
  const client = new Client({ accessToken: info.hubspot.accessToken, basePath: info.hubspot.url });
  const viaClient = await timed(() =>
    pool(hsCalls, CONCURRENCY, async (i) => {
      await client.crm.companies.batchApi.read({
        inputs: inputs(i),
        properties: ['name', 'domain'],
        propertiesWithHistory: [],
      });
    }),
  );
  report(
    `| HS batch/read ×100 via @hubspot/api-client (${hsCalls.toLocaleString('en-US')} calls, concurrency ${CONCURRENCY}) | ${seconds(viaClient.wallMs)}: ${perSecond(hsCalls, viaClient.wallMs)} calls/s |`,
  );
  const url = `${info.hubspot.url}/crm/v3/objects/companies/batch/read`;
  const headers = { authorization: `Bearer ${info.hubspot.accessToken}`, 'content-type': 'application/json' };
  const raw = await timed(() =>
    pool(hsCalls, CONCURRENCY, async (i) => {
      const body = JSON.stringify({ inputs: inputs(i), properties: ['name', 'domain'], propertiesWithHistory: [] });
      const res = await fetch(url, { method: 'POST', headers, body });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`batch/read answered ${res.status}`);
    }),
  );
  report(
    `| HS batch/read ×100 via fetch keep-alive (${hsCalls.toLocaleString('en-US')} calls, concurrency ${CONCURRENCY}) | ${seconds(raw.wallMs)}: ${perSecond(hsCalls, raw.wallMs)} calls/s |`,
  );
  const stats = (await (await fetch(`${info.admin.url}/stats`)).json()) as {
    hubspot: { total: number; rateLimited: number };
  };
  report(
    `| HS calls answered / rate-limited (limits off) | ${stats.hubspot.total.toLocaleString('en-US')} / ${stats.hubspot.rateLimited} |`,
  );
}

async function main(): Promise<void> {
  const m = machine();
  const when = new Date().toISOString().slice(0, 10);
  report('| Step | Result |');
  report('|---|---|');
  await benchSeedAndSnapshot();
  const started = await timed(startChildSandbox);
  const { child, info } = started.value;
  report(
    `| \`sfhs sandbox --accounts ${served.toLocaleString('en-US')}\` ready (generate + load both emulators) | ${seconds(started.wallMs)} |`,
  );
  try {
    await benchSalesforce(info);
    await benchHubSpot(info);
  } finally {
    child.kill('SIGTERM');
  }
  if (values.quick || accounts !== 1_000_000) return; // only full-size runs update the documented figures
  updateDocSection(
    join(root, 'docs/benchmarks.md'),
    'sandbox',
    [
      '## Sandbox (`npm run bench:sandbox`)',
      '',
      `Measured ${when} on ${m.cpus} CPUs (${m.model}), ${m.memoryGb} GiB RAM, Node ${m.node}. The sandbox runs in its own`,
      'process (`sfhs sandbox`), the clients in the benchmark process. Wall time depends on what else the machine runs;',
      'CPU time is the cost of the work itself.',
      '',
      ...lines,
      '',
      'Target for HubSpot batch calls with limits off: ≥ 5,000 calls/s, so that engine benchmarks are not bound by the',
      'sandbox. Both clients reaching the same rate means the emulator, not the client, sets it.',
    ].join('\n'),
  );
}

await main();
