/** R6.4 `sfhs holds` against the sandbox: list, link, create, skip --all; a second import then holds none. */
import { expect, test } from 'vitest';
import type { HoldView } from '../../shared/contract/index.js';
import { cliWorld } from '../cli/support.js';
import { companiesByAccountId } from '../support/sync-world.js';

test('R6.4 every hold of an import is resolved from the CLI; a second import holds none', async () => {
  const world = await cliWorld({ accounts: 400 });
  await world.syncOn();
  expect((await world.sfhs('settings', 'set', 'matchByDomain', 'true')).code).toBe(0);
  expect((await world.sfhs('import')).code).toBe(0);

  const listed = await world.sfhs('holds', '--json');
  expect(listed.code).toBe(0);
  const { total, holds } = listed.json<{ total: number; holds: HoldView[] }>();
  expect(total).toBeGreaterThanOrEqual(4);
  const text = await world.sfhs('holds', 'list');
  expect(text.out).toContain(holds[0]!.sfAccountId);
  expect(text.out).toMatch(/shared contact|same domain/);

  const ambiguous = holds.filter((h) => h.reason === 'AMBIGUOUS_MATCH');
  const [toLink, toCreate] = ambiguous as [HoldView, HoldView];
  const chosen = toLink.candidates[1]!.companyId;
  const linked = await world.sfhs('holds', 'link', `${toLink.sfAccountId}=${chosen}`);
  expect(linked.code, linked.err).toBe(0);
  expect(
    companiesByAccountId(world.sandbox)
      .get(toLink.sfAccountId)
      ?.map((c) => c.id),
  ).toEqual([chosen]);

  // A bad decision is refused with its reason (exit 6) and the good one in the same call goes on.
  const mixed = await world.sfhs('holds', 'create', toCreate.sfAccountId, toLink.sfAccountId, '--json');
  expect(mixed.code).toBe(6);
  const outcome = mixed.json();
  expect(outcome.accepted).toEqual([toCreate.sfAccountId]);
  expect(outcome.rejected[0]).toMatchObject({ sfAccountId: toLink.sfAccountId, code: 'NOT_FOUND' });
  expect(mixed.err).toContain('has no unresolved hold');
  expect(companiesByAccountId(world.sandbox).get(toCreate.sfAccountId)).toHaveLength(1);

  const duplicate = holds.find((h) => h.reason === 'DUPLICATE_LINK');
  if (duplicate) {
    const refused = await world.sfhs('holds', 'create', duplicate.sfAccountId);
    expect(refused.code).toBe(6);
    expect(refused.err).toContain('DUPLICATES');
  }
  const skipped = await world.sfhs('holds', 'skip', '--all', '--json');
  expect(skipped.code, skipped.err).toBe(0);
  expect((await world.sfhs('holds', '--json')).json().total).toBe(0);

  const second = await world.sfhs('import', '--json');
  expect(second.code, second.err).toBe(0);
  expect(second.json().counts).toMatchObject({ held: 0, created: 0 });
});
