/**
 * R3.4 the preview: the account-creation decision and its reason for every company (or a filter), computed from the
 * cache with the company-sync switch on or off. `previewStream` yields one company at a time for the CLI, the CSV
 * export and the benchmark; `summarize` keeps only the counts.
 */
import type { Database } from 'better-sqlite3';
import type { PreviewCompany, PreviewProblem, PreviewReason, Settings } from '../../../shared/contract/index.js';
import { previewReasons } from '../../../shared/contract/index.js';
import { decideAccountCreation } from '../rules/account-creation.js';
import { autoCreatedRule } from './auto-created.js';
import { type CompanyFilter, companyFactsPages } from './company-facts.js';
import { inclusionListProblem } from './inclusion-list.js';

export const zeroCounts = (): Record<PreviewReason, number> =>
  Object.fromEntries(previewReasons.map((reason) => [reason, 0])) as Record<PreviewReason, number>;

/** Every company matching the filter, in id order, with its decision. */
export function* previewStream(
  db: Database,
  settings: Settings,
  filter: CompanyFilter = {},
): Generator<PreviewCompany> {
  const creation = {
    syncCompanies: settings.syncCompanies,
    defaultSfObjectForNewContacts: settings.defaultSfObjectForNewContacts,
    inclusionListId: settings.inclusionListId,
  };
  const pages = companyFactsPages(db, {
    rule: autoCreatedRule(settings),
    inclusionListId: settings.inclusionListId,
    filter,
  });
  for (const page of pages) {
    for (const company of page) {
      const decision = decideAccountCreation({
        company,
        contacts: company.contacts,
        settings: creation,
        mode: 'preview',
      });
      yield {
        id: company.id,
        name: company.name,
        // mode 'preview' never answers SYNC_OFF (account-creation.ts), so the reason is a preview reason.
        reason: decision.reason as PreviewReason,
        contactIds: decision.contactIds,
        decision: decision.decision,
        ownerId: company.ownerId,
        createdAt: company.createdAt,
        unreadableContactIds: company.unreadableContactIds,
        linkedAccount: company.linkedAccountId
          ? { id: company.linkedAccountId, name: company.linkedAccountName }
          : null,
      };
    }
  }
}

export interface PreviewSummary {
  counts: Record<PreviewReason, number>;
  total: number;
  problems: PreviewProblem[];
}

const MAX_PROBLEMS = 100;

/** What is uncertain about a preview before any company is looked at (the inclusion list). */
export function previewProblems(db: Database, settings: Settings): PreviewProblem[] {
  const problem = inclusionListProblem(db, settings.inclusionListId);
  return problem ? [problem] : [];
}

/** Counts per reason, feeding each company to `onCompany` (for the CLI, CSV and paging table) as it goes. */
export function summarize(
  db: Database,
  settings: Settings,
  filter: CompanyFilter,
  onCompany?: (company: PreviewCompany) => void,
): PreviewSummary {
  const counts = zeroCounts();
  const problems = previewProblems(db, settings);
  let total = 0;
  // The contact lookups are random over tables of hundreds of MB: with SQLite's default 2 MB page cache almost
  // every one is a read from the OS. A larger cache for the length of the pass (within the 500 MB budget) keeps
  // the hot pages; the previous size is restored after.
  const previousCache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${PREVIEW_CACHE_KIB}`);
  try {
    total = countInto(db, settings, filter, counts, problems, onCompany);
  } finally {
    db.pragma(`cache_size = ${previousCache}`);
  }
  return { counts, total, problems };
}

/** -KiB, SQLite's unit for a cache size given in memory rather than pages. */
const PREVIEW_CACHE_KIB = -192 * 1024;

function countInto(
  db: Database,
  settings: Settings,
  filter: CompanyFilter,
  counts: Record<PreviewReason, number>,
  problems: PreviewProblem[],
  onCompany?: (company: PreviewCompany) => void,
): number {
  let total = 0;
  for (const company of previewStream(db, settings, filter)) {
    counts[company.reason]++;
    total++;
    if (company.unreadableContactIds.length > 0 && problems.length < MAX_PROBLEMS) {
      problems.push({
        code: 'CONTACTS_UNREADABLE',
        message: `${company.unreadableContactIds.length} associated contact(s) could not be read (archived or no permission) and were left out: ${company.unreadableContactIds.slice(0, 5).join(', ')}.`,
        recordId: company.id,
      });
    }
    onCompany?.(company);
  }
  return total;
}
