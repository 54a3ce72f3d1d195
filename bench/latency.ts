/**
 * Change latency of a running `sfhs sync` (real seconds, real poll intervals): N edits on each side (default 100)
 * through the real clients at spread-out moments, each timed until the other side holds it — p50, p95, max — at
 * the shortest poll interval (1 minute, the headline) and at the default one; plus the calls an idle minute of the
 * loop costs each system (HubSpot's counted by the sandbox). Both configurations run at once, each with its own
 * sandbox and loop process.
 *
 *   npm run bench -- latency [--edits=100] [--spread=300] [--idle=3] [--polls=1,5] [--accounts=1000]
 *
 * Targets: p95 ≤ 70 s each way at 1-minute polls; HubSpot calls per idle minute ≤ 3.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { settingsSchema } from '../shared/contract/index.js';
import { type LatencyResult, measureLatency } from './support/latency-run.js';
import { machine } from './support/measure.js';
import { loadAverage } from './support/proc.js';
import { updateDocSection } from './support/report.js';

const TARGET_P95_S = 70;
const TARGET_HS_IDLE = 3;

const { values } = parseArgs({
  options: {
    edits: { type: 'string', default: '100' },
    spread: { type: 'string', default: '300' },
    idle: { type: 'string', default: '3' },
    polls: { type: 'string', default: '' },
    accounts: { type: 'string', default: '1000' },
  },
});
const defaultPoll = settingsSchema.parse({}).pollIntervalMinutes;
const polls = values.polls ? values.polls.split(',').map(Number) : [...new Set([1, defaultPoll])];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function stats(latencies: Array<number | null>) {
  const seen = latencies.filter((s): s is number => s !== null).sort((a, b) => a - b);
  return {
    n: latencies.length,
    missed: latencies.length - seen.length,
    p50: percentile(seen, 50),
    p95: percentile(seen, 95),
    max: seen.at(-1) ?? Number.NaN,
  };
}

const fmt = (s: number) => (Number.isNaN(s) ? '—' : `${s.toFixed(1)} s`);

function rows(r: LatencyResult): string[] {
  const poll = `${r.config.pollMinutes} min${r.config.pollMinutes === defaultPoll ? ' (default)' : ''}`;
  const target = r.config.pollMinutes === 1 ? `≤ ${TARGET_P95_S} s` : '—';
  return (
    [
      ['Salesforce → HubSpot', stats(r.sfToHs)],
      ['HubSpot → Salesforce', stats(r.hsToSf)],
    ] as const
  ).map(
    ([way, s]) =>
      `| ${poll} | ${way} | ${s.n - s.missed} / ${s.n} | ${fmt(s.p50)} | **${fmt(s.p95)}** | ${fmt(s.max)} | ${target} |`,
  );
}

function idleRows(r: LatencyResult): string[] {
  if (!r.idle) return [];
  const perMinute = (calls: number) => calls / (r.idle?.minutes ?? 1);
  const hs = perMinute(r.idle.hubspotCalls);
  const sf = perMinute(r.idle.salesforceCalls);
  const sfDayShare = ((sf * 1440) / r.salesforceDailyAllocation) * 100;
  return [
    `| HubSpot calls per idle minute (poll ${r.config.pollMinutes} min, over ${r.idle.minutes.toFixed(1)} min) | ≤ ${TARGET_HS_IDLE} | **${hs.toFixed(2)}** (${r.idle.hubspotCalls} calls) |`,
    `| Salesforce calls per idle minute | — | ${sf.toFixed(2)} (${r.idle.salesforceCalls} calls; a day of it: ${Math.round(sf * 1440)} = ${sfDayShare.toFixed(1)} % of the org's ${r.salesforceDailyAllocation.toLocaleString('en')} daily API requests) |`,
  ];
}

const results = await Promise.all(
  polls.map((pollMinutes, i) =>
    measureLatency({
      pollMinutes,
      edits: Number(values.edits),
      spreadSeconds: Number(values.spread),
      idleMinutes: pollMinutes === 1 ? Number(values.idle) : 0,
      accounts: Number(values.accounts),
      seed: 41 + i,
    }),
  ),
);
console.log(JSON.stringify(results.map((r) => ({ ...r, sfToHs: stats(r.sfToHs), hsToSf: stats(r.hsToSf) }))));

const m = machine();
const markdown = `## Change latency (\`npm run bench -- latency\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${m.cpus} × ${m.model}, ${m.memoryGb} GB, Node ${m.node}; load average ${loadAverage()} at the end (a shared machine).
\`sfhs sync\` runs as its own process against the sandbox (${Number(values.accounts).toLocaleString('en')} imported account ↔ company pairs); ${values.edits} edits on each side through jsforce and @hubspot/api-client at moments spread over ${values.spread} s; each edit is timed, in real seconds, from the edit's answer until the other system holds the value. Configurations ran at the same time, each with its own sandbox; run times: ${results.map((r) => `${r.config.pollMinutes} min poll ${(r.wallSeconds / 60).toFixed(1)} min, ${r.cycles} sync cycles reported before the last edit was seen`).join('; ')}.

| poll | way | seen | p50 | p95 | max | target p95 |
|---|---|---|---|---|---|---|
${results.flatMap(rows).join('\n')}

| figure | target | measured |
|---|---|---|
${results.flatMap(idleRows).join('\n')}

A sync cycle took ${results
  .map((r) => {
    const sorted = [...r.cycleSeconds].sort((a, b) => a - b);
    return `${percentile(sorted, 50).toFixed(1)} s (median; max ${(sorted.at(-1) ?? 0).toFixed(1)} s) at ${r.config.pollMinutes} min`;
  })
  .join(
    ', ',
  )}. An idle cycle asks each object "anything modified since the cursor's window?" with one search (HubSpot) or one query (Salesforce); describes are read every 15 minutes.`;
updateDocSection(join(import.meta.dirname, '..', 'docs', 'benchmarks.md'), 'latency', markdown);
console.error(markdown);
const headline = results.find((r) => r.config.pollMinutes === 1);
if (headline) {
  const worst = Math.max(stats(headline.sfToHs).p95, stats(headline.hsToSf).p95);
  const idleHs = headline.idle ? headline.idle.hubspotCalls / headline.idle.minutes : 0;
  if (!(worst <= TARGET_P95_S) || idleHs > TARGET_HS_IDLE) process.exitCode = 1;
}
