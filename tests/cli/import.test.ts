import { expect, test } from 'vitest';
import { exitCodes } from '../../main/cli/command.js';
import { tempDirFactory } from '../support/temp.js';
import { cli, cliWorld } from './support.js';

const tempDir = tempDirFactory();

test('R1.2 import with the switch off is refused before anything runs, naming the fix (exit 7)', async () => {
  const world = await cliWorld();
  const companies = world.sandbox.hubspot.store.companyCount;
  const text = await world.sfhs('import');
  expect(text.code).toBe(exitCodes.syncOff);
  expect(text.err).toContain('Company sync is off');
  expect(text.err).not.toMatch(/\bR\d/);
  expect(text.err).toMatch(/Turn company sync on: +sfhs settings set syncCompanies true --data-dir /);
  const json = await world.sfhs('import', '--json');
  expect(json.code).toBe(exitCodes.syncOff);
  expect(json.json()).toMatchObject({ ok: false, error: { code: 'SYNC_OFF' } });
  expect(json.json().error.fix).toContain('sfhs settings set syncCompanies true');
  expect((await world.sfhs('runs', '--json')).json()).toEqual([]);
  expect(world.sandbox.hubspot.store.companyCount).toBe(companies);
});

test('R2.3a import --dry-run --json prints one object with planned counts and writes nothing', async () => {
  const world = await cliWorld();
  const companies = world.sandbox.hubspot.store.companyCount;
  const result = await world.sfhs('import', '--dry-run', '--json', '--limit', '3');
  expect(result.code).toBe(0);
  expect(result.out.trim().split('\n')).toHaveLength(1);
  const plan = result.json();
  expect(plan).toMatchObject({ dryRun: true, state: 'completed', runId: expect.stringMatching(/^run_/) });
  expect(Object.keys(plan.counts).sort()).toEqual(['create', 'hold', 'skip', 'update']);
  expect(plan.counts.create).toBeGreaterThan(0);
  expect(plan.ops).toHaveLength(3);
  expect(plan.ops[0].changes.length).toBeGreaterThan(0);
  expect(plan.seeAll).toContain(`sfhs runs show ${plan.runId} --ops`);
  expect(world.sandbox.hubspot.store.companyCount).toBe(companies);
});

test('R2.3a import --dry-run text shows counts, holds, planned writes with field diffs and how to see all', async () => {
  const world = await cliWorld();
  const { code, out } = await world.sfhs('import', '--dry-run', '--limit', '2');
  expect(code).toBe(0);
  expect(out).toContain('Preview (dry run — nothing was written)');
  // Decisions per direction, adding up to the records read.
  expect(out).toMatch(/^ +To HubSpot +To Salesforce$/m);
  expect(out).toMatch(/^ {2}create +[\d,]+ +[\d,]+$/m);
  expect(out).toMatch(/^ {2}= records considered +[\d,]+ +[\d,]+$/m);
  expect(out).toMatch(/Planned writes \(first 2 of \d+\):/);
  expect(out).toMatch(/→/);
  expect(out).toMatch(/See all: sfhs runs show run_\S+ --ops/);
});

test('R2.3a a real import --json writes; a second import creates and updates nothing', async () => {
  const world = await cliWorld();
  await world.syncOn();
  const dry = (await world.sfhs('import', '--dry-run', '--json')).json();
  const first = await world.sfhs('import', '--json');
  expect(first.code).toBe(0);
  const run = first.json();
  expect(run).toMatchObject({ dryRun: false, state: 'completed' });
  expect(Object.keys(run.counts)).toEqual(expect.arrayContaining(['created', 'updated', 'skipped', 'held', 'failed']));
  expect(run.counts.created).toBe(dry.counts.create);
  expect(run.counts.failed).toBe(0);
  const again = (await world.sfhs('import', '--json')).json();
  expect(again.counts.created + again.counts.updated).toBe(0);
});

test('R2.3a --where "Industry = \'Banking\'" narrows the import to those accounts', async () => {
  const world = await cliWorld();
  const all = (await world.sfhs('import', '--dry-run', '--json')).json();
  const banking = (await world.sfhs('import', '--dry-run', '--json', '--where', "Industry = 'Banking'")).json();
  const total = (c: { create: number; update: number; skip: number; hold: number }) =>
    c.create + c.update + c.skip + c.hold;
  expect(total(banking.counts)).toBeGreaterThan(0);
  expect(total(banking.counts)).toBeLessThan(total(all.counts));
  const ops = (await world.sfhs('runs', 'show', banking.runId, '--ops', '--json')).json().ops;
  const industries = ops.map(
    (op: { sfAccountId: string }) => world.sandbox.salesforce.store.getAccount(op.sfAccountId)?.Industry,
  );
  expect(new Set(industries.map((i: string) => i.toLowerCase()))).toEqual(new Set(['banking']));
});

test('a --where Salesforce cannot parse (MALFORMED_QUERY) is a validation error (exit 6)', async () => {
  const world = await cliWorld();
  const { code, err } = await world.sfhs('import', '--dry-run', '--where', "Industry = = 'x'");
  expect(code).toBe(exitCodes.validation);
  expect(err).toContain('Salesforce refused the --where condition (MALFORMED_QUERY)');
});

test('Ctrl-C during a real import pauses it (exit 130) and says how to resume; runs resume finishes it', async () => {
  const world = await cliWorld();
  await world.syncOn();
  const interrupted = await cli(['import', '--json', '--data-dir', world.dataDir], {
    whileRunning: () => setImmediate(() => process.emit('SIGINT')),
  });
  expect(interrupted.code).toBe(exitCodes.interrupted);
  expect(interrupted.json()).toMatchObject({ state: 'paused', counts: { created: 0 } });
  expect(interrupted.json().counts.pending).toBeGreaterThan(0);
  expect(interrupted.err).toMatch(
    /To continue it, run sfhs import --data-dir \S+ again, or sfhs runs resume run_\S+ --data-dir/,
  );
  const resumed = await world.sfhs('runs', 'resume', interrupted.json().runId, '--json');
  expect(resumed.code).toBe(0);
  expect(resumed.json()).toMatchObject({ state: 'completed', resumed: true });
  const { created, updated, failed } = resumed.json().counts;
  expect(created + updated + failed).toBe(interrupted.json().counts.pending);
});

test('an import in a data folder that is not connected exits 5 with the way to connect', async () => {
  const { code, err } = await cli(['import', '--dry-run', '--data-dir', tempDir()]);
  expect(code).toBe(exitCodes.notConnected);
  expect(err).toMatch(/connect/i);
});
