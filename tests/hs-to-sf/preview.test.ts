import { afterEach, expect, test } from 'vitest';
import { summarize } from '../../main/engine/hs-to-sf/preview.js';
import { refreshForPreview } from '../../main/engine/hs-to-sf/refresh.js';
import { type Harness, startHarness } from '../support/engine-harness.js';
import { tempDirFactory } from '../support/temp.js';
import { cli, statedR3Settings } from './support.js';

const tempDir = tempDirFactory();
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

test('R3.4 preview counts per reason equal the seed expected counts, with and without the inclusion list, switch off', async () => {
  harness = await startHarness(tempDir());
  const { services, sandbox } = harness;
  const settings = services.settings.update(statedR3Settings());
  expect(settings.syncCompanies).toBe(false);
  const problems = await refreshForPreview(services.db, services.connections, settings);
  expect(problems).toEqual([]);
  expect(summarize(services.db, settings, {}).counts).toEqual(sandbox.expected.accountCreationReasons);

  const withoutList = services.settings.update({ inclusionListId: null });
  expect(summarize(services.db, withoutList, {}).counts).toEqual(
    sandbox.expected.withoutInclusionList.accountCreationReasons,
  );
});

test('R3.4 sfhs preview companies --json: one object with counts and every company with its reason and contacts', async () => {
  harness = await startHarness(tempDir());
  harness.services.settings.update(statedR3Settings());
  const { code, out } = await cli('preview', 'companies', '--json', '--data-dir', harness.dataDir);
  expect(code).toBe(0);
  const answer = JSON.parse(out) as {
    counts: Record<string, number>;
    companies: { id: string; name: string; reason: string; contactIds: string[] }[];
  };
  expect(answer.counts).toEqual(harness.sandbox.expected.accountCreationReasons);
  expect(answer.companies).toHaveLength(harness.sandbox.counts.hsCompanies);
  const privateOne = answer.companies.find((c) => c.reason === 'CREATE_PRIVATE_CONTACT');
  expect(privateOne?.contactIds.length).toBeGreaterThan(0);

  const filtered = await cli(
    'preview',
    'companies',
    '--no-refresh',
    '--reason',
    'VETO_ALL_LEADS',
    '--csv',
    '--data-dir',
    harness.dataDir,
  );
  const lines = filtered.out.trim().split('\r\n');
  expect(lines[0]).toContain('company_id,name,reason');
  expect(lines).toHaveLength(1 + harness.sandbox.expected.accountCreationReasons.VETO_ALL_LEADS);
  expect(lines.slice(1).every((line) => line.includes(',VETO_ALL_LEADS,skip,'))).toBe(true);
});

test('R3.1c an inclusion list id that does not exist: a clear problem with the id, and the rest of the preview goes on', async () => {
  harness = await startHarness(tempDir());
  const { services } = harness;
  const settings = services.settings.update({ ...statedR3Settings(), inclusionListId: '999999' });
  const problems = await refreshForPreview(services.db, services.connections, settings);
  expect(problems).toEqual([expect.objectContaining({ code: 'INCLUSION_LIST_NOT_FOUND', recordId: '999999' })]);
  const summary = summarize(services.db, settings, {});
  expect(summary.total).toBe(harness.sandbox.counts.hsCompanies - countArchived(harness));
  expect(summary.counts.CREATE_INCLUSION_LIST).toBe(0);
  expect(summary.problems[0]).toMatchObject({ code: 'INCLUSION_LIST_NOT_FOUND', recordId: '999999' });

  const page = await services.handlers.previewCompanies({ limit: 5, refresh: false });
  expect(page.problems[0]?.code).toBe('INCLUSION_LIST_NOT_FOUND');
  expect(page.companies).toHaveLength(5);
});

const countArchived = (h: Harness) =>
  [...h.sandbox.hubspot.store.tables.companies.scan()].filter((c) => c.archived).length;
