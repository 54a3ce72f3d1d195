/**
 * `sfhs sync`: the incremental sync (R2.2–R2.4) — once (`--once`), or every `pollIntervalMinutes` until Ctrl-C,
 * one line (or one JSON object) per cycle. Each cycle also retries due records of the retry queue (R9.3).
 */
import type { Database } from 'better-sqlite3';
import type { Services } from '../../app/services.js';
import { requireSyncOn } from '../../engine/switch.js';
import { type SyncCycle, SyncLoop } from '../../engine/sync-loop.js';
import { type CliCommand, type CliContext, exitCodes, print } from '../command.js';
import { printJson } from '../output/json.js';
import { progressDisplay } from '../output/progress.js';
import { cliError, finishRun, pausedHint } from '../output/run-driver.js';
import { printCounts, runJson } from '../output/run-report.js';

/** R9.3 share of the console's Salesforce allocation used, from the connector's own count (null until known). */
function apiUsage(services: Services): number | null {
  try {
    const usage = services.connections.salesforce().usage();
    return usage.allocation ? usage.consoleCalls / usage.allocation : null;
  } catch {
    return null; // not connected yet: the sync itself will say so
  }
}

const cycleJson = (db: Database, cycle: SyncCycle) => ({
  ...runJson(db, cycle.sync),
  startedAt: cycle.startedAt,
  finishedAt: cycle.finishedAt,
  retries: cycle.retries.map((run) => runJson(db, run)),
  retriesDeferred: cycle.retriesDeferred,
});

function cycleLine(cycle: SyncCycle): string {
  const c = cycle.sync.counts;
  const counts = cycle.sync.dryRun
    ? `would create ${c.create}, update ${c.update}, hold ${c.hold}`
    : `${c.created} created, ${c.updated} updated, ${c.held} held, ${c.failed} failed`;
  const retried = cycle.retries.reduce((n, r) => n + r.counts.created + r.counts.updated, 0);
  const stillFailing = cycle.retries.reduce((n, r) => n + r.counts.failed, 0);
  const retries = cycle.retries.length
    ? `; retried ${retried + stillFailing}: ${retried} ok, ${stillFailing} failed`
    : '';
  const deferred = cycle.retriesDeferred ? `; ${cycle.retriesDeferred}` : '';
  return `${cycle.finishedAt}  sync ${cycle.sync.runId} ${cycle.sync.state}: ${counts}${retries}${deferred}`;
}

/** 8 when any run of the cycle left failed records; otherwise what the sync run itself says. */
function cycleExitCode(ctx: CliContext, cycle: SyncCycle, pausedByUser: boolean): number {
  const code = finishRun(ctx, { summary: cycle.sync, pausedByUser });
  if (code !== exitCodes.ok) return code;
  return cycle.retries.some((r) => r.counts.failed > 0) ? exitCodes.partialFailure : exitCodes.ok;
}

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'sync changes now (--once) or every pollIntervalMinutes until Ctrl-C',
  usage: [
    '[--once] [--dry-run]',
    '--once      one cycle: an incremental sync, then due retries; exit 8 if records failed',
    '(no --once)  a cycle now, then every pollIntervalMinutes (sfhs settings set pollIntervalMinutes 1)',
    '--json      one object per cycle (one line each): {runId, state, counts, retries, ...}',
  ],
  options: {
    once: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
  async run(ctx, { values }) {
    const services = ctx.services();
    const dryRun = Boolean(values['dry-run']);
    // R1.2: refuse before anything runs; the engine's message names the fix.
    if (!dryRun) requireSyncOn(services.settings.get(), 'a sync');
    const display = progressDisplay(ctx.stderr);
    const loop = new SyncLoop({
      engine: services.engine,
      db: services.db,
      settings: services.settings,
      dryRun,
      onProgress: (event) => display.update(event),
      apiUsage: () => apiUsage(services),
    });
    const report = (cycle: SyncCycle) => {
      display.finish();
      if (ctx.json) printJson(ctx.stdout, cycleJson(services.db, cycle));
      else if (values.once) printCounts(ctx, cycle.sync);
      else print(ctx.stdout, cycleLine(cycle));
    };
    let interrupted = false;
    void ctx.interrupted.then(() => {
      interrupted = true;
      display.finish();
      void loop.stop();
    });
    if (values.once) {
      const cycle = await loop.syncNow().catch((error: unknown) => {
        display.finish();
        throw cliError(error);
      });
      report(cycle);
      if (cycle.retries.length && !ctx.json) print(ctx.stdout, cycleLine(cycle));
      return cycleExitCode(ctx, cycle, interrupted);
    }
    return runLoop(ctx, loop, report, () => interrupted);
  },
};

async function runLoop(
  ctx: CliContext,
  loop: SyncLoop,
  report: (cycle: SyncCycle) => void,
  interrupted: () => boolean,
): Promise<number> {
  let pausedRun: string | null = null;
  loop.on('cycle', (cycle) => {
    report(cycle);
    if (cycle.sync.state === 'paused') pausedRun = cycle.sync.runId;
  });
  // A failed cycle (network down, switch turned off meanwhile) is reported; the loop goes on (R2.4).
  loop.on('failed', ({ at, error }) => print(ctx.stderr, `${at}  sync failed: ${error.message}`));
  loop.on('scheduled', ({ nextRunAt }) => {
    if (!ctx.json) print(ctx.stderr, `Next sync at ${nextRunAt}. Ctrl-C stops.`);
  });
  loop.start();
  await ctx.interrupted;
  await loop.stop();
  if (pausedRun && interrupted()) {
    print(ctx.stderr, pausedHint(ctx, pausedRun, 'sync'));
    return exitCodes.interrupted;
  }
  return exitCodes.ok;
}
