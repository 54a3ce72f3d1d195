import { afterEach, expect, test } from 'vitest';
import { summarize } from '../../main/engine/hs-to-sf/preview.js';
import { previewPage } from '../../main/engine/hs-to-sf/preview-table.js';
import { toSfId18 } from '../../main/engine/rules/ids.js';
import type { PreviewCompany } from '../../shared/contract/index.js';
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

test('R3.4 every linked company carries its account, id and name from the Salesforce cache; the page says the same', async () => {
  harness = await startHarness(tempDir());
  const { services, sandbox } = harness;
  const settings = services.settings.update(statedR3Settings());
  await refreshForPreview(services.db, services.connections, settings);
  const streamed: PreviewCompany[] = [];
  summarize(services.db, settings, {}, (c) => streamed.push(c));

  const linked = streamed.filter((c) => c.reason === 'ALREADY_LINKED');
  expect(linked).toHaveLength(sandbox.expected.accountCreationReasons.ALREADY_LINKED);
  expect(streamed.filter((c) => c.reason !== 'ALREADY_LINKED').every((c) => c.linkedAccount === null)).toBe(true);
  let named = 0;
  for (const company of linked) {
    // The truth is what HubSpot holds (15- or 18-character ids) and the account Salesforce has under that id.
    const raw = sandbox.hubspot.store.getCompany(company.id)?.properties.salesforceaccountid as string;
    const accountId = toSfId18(raw);
    expect(company.linkedAccount?.id).toBe(accountId);
    const account = sandbox.salesforce.store.getAccount(accountId);
    if (account && !account.IsDeleted) {
      expect(company.linkedAccount?.name).toBe(account.Name);
      named++;
    }
  }
  expect(named).toBeGreaterThan(0);

  // The Companies page reads the same accounts back from its paging table.
  const page = previewPage(services.db, settings, { filter: {}, reason: 'ALREADY_LINKED', limit: linked.length });
  expect(page.companies.map((c) => [c.id, c.linkedAccount])).toEqual(linked.map((c) => [c.id, c.linkedAccount]));

  // And the CLI's table names the same account beside its company.
  const first = linked.find((c) => c.linkedAccount?.name) as PreviewCompany;
  const { code, out } = await cli(
    'preview',
    'companies',
    '--no-refresh',
    '--reason',
    'ALREADY_LINKED',
    '--limit',
    String(linked.length),
    '--data-dir',
    harness.dataDir,
  );
  expect(code).toBe(0);
  expect(out).toContain('LINKED ACCOUNT');
  const row = out.split('\n').find((line) => line.startsWith(`${first.id} `)) ?? '';
  expect(row).toContain((first.linkedAccount?.name ?? '').slice(0, 29));
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
  expect(lines[0]).toMatch(/,sf_account_id,sf_account_name$/);
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
