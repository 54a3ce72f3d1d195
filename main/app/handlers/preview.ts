/** R3.4 the companies preview and its CSV export, and R5.1 the resync of companies (engine/hs-to-sf/). */
import type { PreviewProblem } from '../../../shared/contract/index.js';
import type { CompanyFilter } from '../../engine/hs-to-sf/company-facts.js';
import { PREVIEW_CSV_HEADER, previewCsvLine } from '../../engine/hs-to-sf/preview-csv.js';
import { previewStream } from '../../engine/hs-to-sf/preview.js';
import { previewPage } from '../../engine/hs-to-sf/preview-table.js';
import { refreshForPreview } from '../../engine/hs-to-sf/refresh.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { HandlerDeps } from './index.js';

const EXPORT_CAP = 100_000;

const filterOf = (args: { ownerId?: string; createdSince?: string; listId?: string }): CompanyFilter => ({
  ownerId: args.ownerId ?? null,
  createdSince: args.createdSince ?? null,
  listId: args.listId ?? null,
});

/** Problems found while refreshing come first; the same problem found again in the cache is not repeated. */
const mergeProblems = (first: PreviewProblem[], then: PreviewProblem[]): PreviewProblem[] => [
  ...first,
  ...then.filter((p) => !first.some((f) => f.code === p.code && f.recordId === p.recordId)),
];

export const previewHandlers = ({
  db,
  settings,
  connections,
  engine,
}: HandlerDeps): Pick<Handlers, 'previewCompanies' | 'exportPreview' | 'resyncCompanies'> => ({
  previewCompanies: async ({ reason, afterId, limit, refresh, ...filter }) => {
    const current = settings.get();
    const refreshed = refresh ? await refreshForPreview(db, connections, current, filter.listId ?? null) : [];
    const page = previewPage(db, current, { filter: filterOf(filter), reason, afterId, limit });
    return { ...page, problems: mergeProblems(refreshed, page.problems) };
  },
  exportPreview: ({ reason, ...filter }) => {
    const lines = [PREVIEW_CSV_HEADER];
    let rows = 0;
    for (const company of previewStream(db, settings.get(), filterOf(filter))) {
      if (reason && company.reason !== reason) continue;
      if (rows === EXPORT_CAP) return { csv: lines.join(''), rows, truncated: true };
      lines.push(previewCsvLine(company));
      rows++;
    }
    return { csv: lines.join(''), rows, truncated: false };
  },
  resyncCompanies: ({ companyIds }) => {
    const started = engine.resyncCompanies(companyIds);
    started.finished.catch((error: unknown) => console.error('Company resync ended with an error', error));
    return engine.summary(started.runId);
  },
});
