import { expect, test } from 'vitest';
import { exitCodes } from '../../main/cli/command.js';
import { noFaults, parseFaultSpec } from '../../sandbox/faults/faults.js';
import { type CliWorld, cli, cliWorld } from './support.js';

async function importedWorld(): Promise<{ world: CliWorld; created: { sfAccountId: string; hsCompanyId: string }[] }> {
  const world = await cliWorld();
  await world.syncOn();
  const { runId } = (await world.sfhs('import', '--json')).json();
  const created = (await world.sfhs('runs', 'show', runId, '--ops', '--operation', 'create', '--json')).json().ops;
  return { world, created };
}

test('R1.2 sync --once with the switch off is refused (exit 7)', async () => {
  const world = await cliWorld();
  const { code, err } = await world.sfhs('sync', '--once');
  expect(code).toBe(exitCodes.syncOff);
  expect(err).toContain('sfhs settings set syncCompanies true');
});

test('R2.3b sync --once after an account changes in Salesforce updates its company', async () => {
  const { world, created } = await importedWorld();
  const { sfAccountId, hsCompanyId } = created[0]!;
  const { salesforce, hubspot } = world.sandbox;
  salesforce.store.update('Account', sfAccountId, { Name: 'Renamed By Test Ltd' }, salesforce.integrationUserId);
  const result = await world.sfhs('sync', '--once', '--json');
  expect(result.code).toBe(0);
  const cycle = result.json();
  expect(cycle).toMatchObject({ kind: 'sync', state: 'completed', retries: [] });
  expect(cycle.counts.updated).toBeGreaterThanOrEqual(1);
  expect(hubspot.store.getCompany(hsCompanyId)?.properties.name).toBe('Renamed By Test Ltd');
  // R7 diffing: the write is not seen as a new change on the next cycle.
  const again = (await world.sfhs('sync', '--once', '--json')).json();
  const ops = (await world.sfhs('runs', 'show', again.runId, '--ops', '--json')).json().ops;
  expect(ops.filter((op: { sfAccountId: string }) => op.sfAccountId === sfAccountId)).toEqual([]);
});

test('R2.4 sync (the loop) prints one line per cycle and stops cleanly on Ctrl-C', async () => {
  const { world } = await importedWorld();
  const loop = await cli(['sync', '--data-dir', world.dataDir], {
    whileRunning: ({ stderr }) =>
      stderr.on('data', (chunk) => {
        if (String(chunk).includes('Next sync at')) process.emit('SIGINT');
      }),
  });
  expect(loop.code).toBe(exitCodes.ok);
  expect(loop.out).toMatch(/^\S+Z {2}sync run_\S+ completed: \d+ created, \d+ updated, \d+ held, 0 failed$/m);
  expect(loop.err).toMatch(/Next sync at \S+Z\. Ctrl-C stops\./);
});

test('R5.1 resync --company resyncs the account linked to a company; bad ids and no choice are exit 6', async () => {
  const { world, created } = await importedWorld();
  const linked = await world.sfhs('resync', '--company', created[0]!.hsCompanyId, '--json');
  expect(linked.code).toBe(0);
  expect(linked.json()).toMatchObject({ accountIds: [created[0]!.sfAccountId], runs: [{ kind: 'resync' }] });
  // Unlinked companies (HubSpot → Salesforce account creation) belong to engine/hs-to-sf and its own tests.
  expect((await world.sfhs('resync', '--account', 'not-an-id')).code).toBe(exitCodes.validation);
  expect((await world.sfhs('resync')).code).toBe(exitCodes.validation);
});

test('R9.3 a partial failure exits 8; resync --errors retries only the failed records, which then succeed', async () => {
  const world = await cliWorld();
  await world.syncOn();
  world.sandbox.hubspot.faults.configure(parseFaultSpec('partial=0.2,seed=3'));
  const first = await world.sfhs('import', '--json');
  expect(first.code).toBe(exitCodes.partialFailure);
  const failed = first.json().counts.failed;
  expect(failed).toBeGreaterThan(0);
  expect(first.err).toContain('sfhs resync --errors');
  const failedOps = (
    await world.sfhs('runs', 'show', first.json().runId, '--ops', '--state', 'failed', '--json')
  ).json();
  const failedIds = failedOps.ops.map((op: { sfAccountId: string }) => op.sfAccountId);
  world.sandbox.hubspot.faults.configure(noFaults());
  const retry = await world.sfhs('resync', '--errors', '--json');
  expect(retry.code).toBe(0);
  const { accountIds, runs } = retry.json();
  expect([...accountIds].sort()).toEqual([...new Set(failedIds)].sort());
  const total = runs.reduce(
    (n: number, r: { counts: { created: number; updated: number } }) => n + r.counts.created + r.counts.updated,
    0,
  );
  expect(total).toBe(failed);
  expect(runs.every((r: { counts: { failed: number } }) => r.counts.failed === 0)).toBe(true);
  const empty = await world.sfhs('resync', '--errors');
  expect(empty.out).toContain('the retry queue is empty');
});
