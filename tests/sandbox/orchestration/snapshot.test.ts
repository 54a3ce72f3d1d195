import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { generateSandboxData } from '../../../sandbox/seed/index.js';
import { loadOrGenerate, loadSnapshot, saveSnapshot, snapshotParams } from '../../../sandbox/snapshot/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sfhs-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a snapshot round trip gives back the same data, parameters and expectations', () => {
  const generated = generateSandboxData({ accounts: 500, contacts: 1200, seed: 3 });
  const file = join(dir, 'round-trip.sqlite');
  saveSnapshot(file, generated);
  const loaded = loadSnapshot(file);
  expect(loaded.data).toEqual(generated.data);
  expect(loaded.params).toEqual(generated.params);
  expect(loaded.expected).toEqual(generated.expected);
});

test('--snapshot reuses a file made with the same parameters and regenerates on a change', () => {
  const file = join(dir, 'reuse.sqlite');
  expect(loadOrGenerate(file, { accounts: 300, seed: 5 }).source).toBe('generated');
  expect(snapshotParams(file)?.accounts).toBe(300);
  const again = loadOrGenerate(file, { accounts: 300, seed: 5 });
  expect(again.source).toBe('snapshot');
  expect(again.generated.data.salesforce.accounts).toHaveLength(300);
  expect(loadOrGenerate(file, { accounts: 300, seed: 6 }).source).toBe('generated');
  expect(snapshotParams(file)?.seed).toBe(6);
});
