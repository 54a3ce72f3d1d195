import { expect, test } from 'vitest';
import { exitCodes } from '../../main/cli/command.js';
import { type CliWorld, cliWorld } from './support.js';

async function imported(): Promise<{ world: CliWorld; runId: string }> {
  const world = await cliWorld();
  await world.syncOn();
  const run = await world.sfhs('import', '--json');
  expect(run.code).toBe(0);
  return { world, runId: run.json().runId };
}

test('R9.1 log --json (NDJSON) has field-level before/after for every write of the run', async () => {
  const { world, runId } = await imported();
  const { code, lines } = await world.sfhs('log', '--run', runId, '--outcome', 'written', '--json');
  expect(code).toBe(0);
  const entries = lines();
  const run = (await world.sfhs('runs', 'show', runId, '--json')).json();
  expect(entries).toHaveLength(run.counts.created + run.counts.updated);
  for (const entry of entries) {
    expect(entry).toMatchObject({ runId, outcome: 'written' });
    expect(['sf_to_hs', 'hs_to_sf']).toContain(entry.direction);
    expect(Object.keys(entry.after).length).toBeGreaterThan(0);
    expect(Object.keys(entry.before).sort()).toEqual(Object.keys(entry.after).sort());
  }
  const create = entries.find((e) => e.operation === 'create');
  expect(create?.after.name).toEqual(expect.any(String));
  expect(create?.before.name).toBeNull();
});

test('R9.5 log works with no network: the sandbox is gone and --csv still streams a header and rows', async () => {
  const { world, runId } = await imported();
  await world.sandbox.close();
  const { code, out } = await world.sfhs('log', '--csv', '--run', runId);
  expect(code).toBe(0);
  const rows = out.trimEnd().split('\r\n');
  expect(rows[0]).toBe(
    'id,at,run_id,direction,sf_account_id,hs_company_id,operation,reason,outcome,category,message,before,after,name,domain',
  );
  expect(rows.length).toBeGreaterThan(1);
  expect(rows[1]).toContain(runId);
  const text = await world.sfhs('log', '--limit', '2');
  expect(text.out).toMatch(/^ {0,}ID +AT \(UTC\) +OP +OUTCOME +NAME/);
  expect(text.out).toMatch(/more: --limit N, --json or --csv for all/);
});

test('log filters are validated: an unknown outcome or a bad date is exit 6', async () => {
  const world = await cliWorld();
  expect((await world.sfhs('log', '--outcome', 'exploded')).code).toBe(exitCodes.validation);
  const bad = await world.sfhs('log', '--since', 'yesterday');
  expect(bad.code).toBe(exitCodes.validation);
  expect(bad.err).toContain('--since');
});

test('runs list and runs show (with ops filtered by operation) in text and JSON', async () => {
  const { world, runId } = await imported();
  const list = await world.sfhs('runs', '--json');
  expect(list.json<{ runId: string; kind: string }[]>().map((r) => r.runId)).toContain(runId);
  const text = await world.sfhs('runs', 'list');
  expect(text.out).toMatch(/RUN +KIND +STATE +CREATED \(UTC\) +OUTCOME/);
  expect(text.out).toContain(runId);
  const show = await world.sfhs('runs', 'show', runId, '--ops', '--operation', 'create', '--json');
  const shown = show.json();
  expect(shown).toMatchObject({ runId, kind: 'import', state: 'completed' });
  expect(shown.ops).toHaveLength(shown.counts.created);
  expect(new Set(shown.ops.map((op: { operation: string }) => op.operation))).toEqual(new Set(['create']));
  const showText = await world.sfhs('runs', 'show', runId, '--ops', '--limit', '1');
  expect(showText.out).toMatch(/#1 (create|update|skip|hold) in HubSpot/);
  expect((await world.sfhs('runs', 'show', 'run_nope')).code).toBe(exitCodes.failure);
});
