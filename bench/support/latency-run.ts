/**
 * One configuration of the change-latency benchmark: a sandbox, an imported data folder, `sfhs sync` running as
 * its own process at a given poll interval, and N edits per side made through the real clients (jsforce,
 * @hubspot/api-client) at spread-out moments. Each edit is timed until the other side holds the value (read from
 * the sandbox's stores, so watching costs no API calls).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from '@hubspot/api-client';
import jsforce from 'jsforce';
import { createServices } from '../../main/app/services.js';
import { connectToSandbox } from '../../main/demo/connect-sandbox.js';
import { type Sandbox, startSandbox } from '../../sandbox/index.js';

export interface LatencyConfig {
  pollMinutes: number;
  /** Edits per side. */
  edits: number;
  /** The edits are spread over this many seconds. */
  spreadSeconds: number;
  /** Idle cycles over which calls are counted (0: not measured); at a 1-minute poll, about as many minutes. */
  idleMinutes: number;
  accounts: number;
  seed: number;
}

export interface LatencyResult {
  config: LatencyConfig;
  /** Seconds from each edit to the value on the other side; null when never seen before the deadline. */
  sfToHs: Array<number | null>;
  hsToSf: Array<number | null>;
  idle: { minutes: number; hubspotCalls: number; salesforceCalls: number } | null;
  cycles: number;
  /** Seconds per sync cycle of the loop (start to finish). */
  cycleSeconds: number[];
  salesforceDailyAllocation: number;
  wallSeconds: number;
}

const root = new URL('../..', import.meta.url).pathname;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small deterministic generator, so a rerun edits at the same moments. */
function offsets(count: number, spreadMs: number, seed: number): number[] {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => Math.floor(next() * spreadMs)).sort((a, b) => a - b);
}

async function importedDataFolder(sandbox: Sandbox, pollMinutes: number): Promise<{ dir: string; pairs: string[][] }> {
  const dir = mkdtempSync(join(tmpdir(), 'sfhs-bench-latency-'));
  const services = createServices({ dataDir: dir, runtime: 'cli', version: 'bench' });
  try {
    await connectToSandbox(services.connections, sandbox.info());
    services.settings.update({ syncCompanies: true, pollIntervalMinutes: pollMinutes });
    const run = await services.engine.run({ kind: 'import', dryRun: false });
    if (run.state !== 'completed') throw new Error(`The import before the benchmark ended ${run.state}`);
    const pairs = services.db
      .prepare('SELECT sf_account_id, hs_company_id FROM links ORDER BY sf_account_id')
      .raw()
      .all() as string[][];
    return { dir, pairs };
  } finally {
    services.close();
  }
}

interface LoopProcess {
  child: ChildProcess;
  cycles: Array<{ startedAt: string; finishedAt: string }>;
  waitForCycles(n: number): Promise<void>;
}

function startLoop(dataDir: string): LoopProcess {
  const child = spawn(process.execPath, [join(root, 'bin/sfhs.js'), 'sync', '--data-dir', dataDir, '--json'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const cycles: LoopProcess['cycles'] = [];
  const waiters: Array<{ n: number; resolve: () => void; reject: (error: Error) => void }> = [];
  const stderr: string[] = [];
  child.once('exit', (code) => {
    const error = new Error(`sfhs sync exited (${code}): ${stderr.slice(-5).join(' | ')}`);
    for (const w of waiters) w.reject(error);
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const cycle = JSON.parse(line) as { startedAt: string; finishedAt: string; state: string };
    if (cycle.state !== 'completed') console.error(`latency: a sync cycle ended ${cycle.state}: ${line.slice(0, 300)}`);
    cycles.push(cycle);
    for (const w of waiters.filter((w) => cycles.length >= w.n)) w.resolve();
  });
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => {
    stderr.push(line);
    if (/fail|error/i.test(line)) console.error(`sfhs sync: ${line}`);
  });
  return {
    child,
    cycles,
    waitForCycles: (n) =>
      cycles.length >= n ? Promise.resolve() : new Promise((resolve, reject) => waiters.push({ n, resolve, reject })),
  };
}

export async function measureLatency(config: LatencyConfig): Promise<LatencyResult> {
  const started = performance.now();
  const sandbox = await startSandbox({ accounts: config.accounts, contacts: 0, hsCompanies: 0, seed: config.seed });
  const { dir, pairs } = await importedDataFolder(sandbox, config.pollMinutes);
  if (pairs.length < config.edits * 2) throw new Error(`Only ${pairs.length} linked pairs for ${config.edits} edits`);
  const loop = startLoop(dir);
  try {
    // The first cycle after the import reads back what the import wrote; the loop is idle from the second on.
    await loop.waitForCycles(config.idleMinutes > 0 ? 2 : 1);
    let idle: LatencyResult['idle'] = null;
    if (config.idleMinutes > 0) {
      // Whole cycles: from the end of one to the end of the one `idleMinutes` polls later, over the real time taken.
      const from = loop.cycles.length;
      const t0 = performance.now();
      const hs0 = sandbox.hubspot.callCounts().total;
      const sf0 = sandbox.salesforce.usage().used;
      await loop.waitForCycles(from + config.idleMinutes);
      idle = {
        minutes: (performance.now() - t0) / 60_000,
        hubspotCalls: sandbox.hubspot.callCounts().total - hs0,
        salesforceCalls: sandbox.salesforce.usage().used - sf0,
      };
    }
    const { sfToHs, hsToSf } = await editAndWatch(sandbox, pairs, config);
    return {
      config,
      sfToHs,
      hsToSf,
      idle,
      cycles: loop.cycles.length,
      cycleSeconds: loop.cycles.map((c) => (Date.parse(c.finishedAt) - Date.parse(c.startedAt)) / 1000),
      salesforceDailyAllocation: sandbox.salesforce.usage().max,
      wallSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    if (loop.child.exitCode === null) {
      const exited = new Promise((resolve) => loop.child.once('exit', resolve));
      loop.child.kill('SIGINT');
      await exited;
    }
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Edit {
  side: 'sf' | 'hs';
  index: number;
  value: string;
  doneAt: number | null;
  seenAt: number | null;
}

async function editAndWatch(
  sandbox: Sandbox,
  pairs: string[][],
  config: LatencyConfig,
): Promise<{ sfToHs: Array<number | null>; hsToSf: Array<number | null> }> {
  const info = sandbox.info();
  const sf = new jsforce.Connection({ instanceUrl: info.salesforce.url, accessToken: info.salesforce.accessToken });
  const hs = new Client({ accessToken: info.hubspot.accessToken, basePath: info.hubspot.url });
  // SF edits change an account's Description (Prefer Salesforce); HS edits a company's name (Two-way): distinct pairs.
  const edits: Edit[] = [];
  const at = offsets(config.edits * 2, config.spreadSeconds * 1000, config.seed);
  const t0 = Date.now();
  const make = async (k: number) => {
    const side = k % 2 === 0 ? 'sf' : 'hs';
    const index = Math.floor(k / 2) + (side === 'hs' ? config.edits : 0);
    const [sfId, hsId] = pairs[index] as [string, string];
    const edit: Edit = { side, index, value: `Latency ${side} ${k} ${t0}`, doneAt: null, seenAt: null };
    edits.push(edit);
    await sleep(Math.max(0, t0 + (at[k] as number) - Date.now()));
    if (side === 'sf') await sf.sobject('Account').update({ Id: sfId, Description: edit.value });
    else await hs.crm.companies.basicApi.update(hsId, { properties: { name: edit.value } });
    edit.doneAt = Date.now();
  };
  const writes = Promise.all(Array.from({ length: config.edits * 2 }, (_, k) => make(k)));
  const deadline = t0 + config.spreadSeconds * 1000 + (3 * config.pollMinutes * 60 + 120) * 1000;
  const watch = async () => {
    while (Date.now() < deadline) {
      const now = Date.now();
      for (const edit of edits) {
        if (edit.doneAt === null || edit.seenAt !== null) continue;
        const [sfId, hsId] = pairs[edit.index] as [string, string];
        const seen =
          edit.side === 'sf'
            ? sandbox.hubspot.store.getCompany(hsId)?.properties.description === edit.value
            : sandbox.salesforce.store.getAccount(sfId)?.Name === edit.value;
        if (seen) edit.seenAt = now;
      }
      if (edits.length === config.edits * 2 && edits.every((e) => e.seenAt !== null)) return;
      await sleep(250);
    }
  };
  await Promise.all([writes, watch()]);
  const latency = (side: Edit['side']) =>
    edits
      .filter((e) => e.side === side)
      .map((e) => (e.seenAt !== null && e.doneAt !== null ? (e.seenAt - e.doneAt) / 1000 : null));
  return { sfToHs: latency('sf'), hsToSf: latency('hs') };
}
