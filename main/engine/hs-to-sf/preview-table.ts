/**
 * The preview as the Companies page pages through it: computed once per filter into a temporary table (this
 * connection only, gone when the app closes), then read a page at a time by company id, optionally by reason —
 * so paging 500,000 companies does not recompute the decisions for every page.
 */
import type { Database } from 'better-sqlite3';
import type { CompaniesPreview, PreviewCompany, PreviewReason, Settings } from '../../../shared/contract/index.js';
import type { CompanyFilter } from './company-facts.js';
import { type PreviewSummary, summarize } from './preview.js';

interface Computed extends PreviewSummary {
  key: string;
  computedAt: string;
  syncEnabled: boolean;
}

const computed = new WeakMap<Database, Computed>();

interface Row {
  id: string;
  name: string | null;
  reason: PreviewReason;
  decision: 'create' | 'skip';
  contact_ids: string;
  owner_id: string | null;
  created_at: string;
  unreadable: string;
  sf_account_id: string | null;
  sf_account_name: string | null;
}

function compute(db: Database, settings: Settings, filter: CompanyFilter, key: string): Computed {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS preview_rows (id TEXT PRIMARY KEY, name TEXT, reason TEXT NOT NULL,
      decision TEXT NOT NULL, contact_ids TEXT NOT NULL, owner_id TEXT, created_at TEXT NOT NULL,
      unreadable TEXT NOT NULL, sf_account_id TEXT, sf_account_name TEXT) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS temp.preview_rows_reason ON preview_rows (reason, id);
    DELETE FROM temp.preview_rows;`);
  const insert = db.prepare(`INSERT INTO temp.preview_rows (id, name, reason, decision, contact_ids, owner_id,
      created_at, unreadable, sf_account_id, sf_account_name) VALUES (:id, :name, :reason, :decision, :contactIds,
      :ownerId, :createdAt, :unreadable, :sfAccountId, :sfAccountName)`);
  const summary = db.transaction(() =>
    summarize(db, settings, filter, (c) =>
      insert.run({
        ...c,
        contactIds: JSON.stringify(c.contactIds),
        unreadable: JSON.stringify(c.unreadableContactIds),
        sfAccountId: c.linkedAccount?.id ?? null,
        sfAccountName: c.linkedAccount?.name ?? null,
      }),
    ),
  )();
  const result = { ...summary, key, computedAt: new Date().toISOString(), syncEnabled: settings.syncCompanies };
  computed.set(db, result);
  return result;
}

const toCompany = (r: Row): PreviewCompany => ({
  id: r.id,
  name: r.name,
  reason: r.reason,
  decision: r.decision,
  contactIds: JSON.parse(r.contact_ids) as string[],
  ownerId: r.owner_id,
  createdAt: r.created_at,
  unreadableContactIds: JSON.parse(r.unreadable) as string[],
  linkedAccount: r.sf_account_id ? { id: r.sf_account_id, name: r.sf_account_name } : null,
});

export interface PreviewPageRequest {
  filter: CompanyFilter;
  reason?: PreviewReason;
  afterId?: string;
  limit: number;
}

/** A page of the preview; a first page (no afterId) or another filter recomputes it. */
export function previewPage(db: Database, settings: Settings, request: PreviewPageRequest): CompaniesPreview {
  const key = JSON.stringify([request.filter, settings]);
  const known = computed.get(db);
  const result =
    request.afterId === undefined || known?.key !== key ? compute(db, settings, request.filter, key) : known;
  const rows = db
    .prepare(
      `SELECT * FROM temp.preview_rows WHERE id > :afterId AND (:reason IS NULL OR reason = :reason)
       ORDER BY id LIMIT :limit`,
    )
    .all({ afterId: request.afterId ?? '', reason: request.reason ?? null, limit: request.limit }) as Row[];
  return {
    counts: result.counts,
    companies: rows.map(toCompany),
    total: request.reason ? result.counts[request.reason] : result.total,
    nextAfterId: rows.length === request.limit ? (rows.at(-1)?.id ?? null) : null,
    syncEnabled: result.syncEnabled,
    problems: result.problems,
    computedAt: result.computedAt,
  };
}
