import { expect, test } from 'vitest';
import { exitCodes } from '../../main/cli/command.js';
import { defaultCompanyMappings } from '../../main/engine/rules/mappings.js';
import { cliWorld } from './support.js';

test('R1.4 mappings can be listed with sync off but not edited (exit 7)', async () => {
  const world = await cliWorld();
  const list = await world.sfhs('mappings', '--json');
  expect(list.json()).toEqual({ mappings: [...defaultCompanyMappings], editable: false });
  const add = await world.sfhs('mappings', 'add', 'Description', 'name');
  expect(add.code).toBe(exitCodes.syncOff);
  expect(add.err).toContain('only while company sync is on');
});

test('R7.2 mappings add with mismatched types exits 6 with "Mismatched types"; add/remove/reset work', async () => {
  const world = await cliWorld();
  await world.syncOn();
  await world.sfhs('import', '--dry-run'); // both sides' fields are known after a refresh
  expect((await world.sfhs('mappings', 'remove', 'AnnualRevenue')).code).toBe(0);
  expect((await world.sfhs('mappings', 'remove', 'Description')).code).toBe(0);
  const bad = await world.sfhs('mappings', 'add', 'Description', 'annualrevenue');
  expect(bad.code).toBe(exitCodes.validation);
  expect(bad.err).toContain('Mismatched types');
  const twice = await world.sfhs('mappings', 'add', 'Description', 'name');
  expect(twice.code).toBe(exitCodes.validation);
  const ok = await world.sfhs('mappings', 'add', 'Description', 'description', '--rule', 'always-sf', '--json');
  expect(ok.code).toBe(0);
  expect(ok.json().mappings).toContainEqual({ sfField: 'Description', hsProperty: 'description', rule: 'ALWAYS_SF' });
  expect((await world.sfhs('mappings', 'add', 'Phone', 'phone', '--rule', 'sideways')).code).toBe(exitCodes.validation);
  expect((await world.sfhs('mappings', 'remove', 'Fax')).code).toBe(exitCodes.validation);
  const reset = await world.sfhs('mappings', 'reset', '--json');
  expect(reset.json().mappings).toEqual([...defaultCompanyMappings]);
  const text = await world.sfhs('mappings');
  expect(text.out).toMatch(/Name +name +Two-way/);
});
