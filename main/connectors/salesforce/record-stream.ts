/**
 * Reading many records (R2.5, R8.3). REST: query pages of up to 2,000 (`Sforce-Query-Options: batchSize=2000`),
 * each page its own scheduled call, so a rate pause or a retry costs one page, not the read. Bulk API 2.0: one
 * job (create + poll), then its CSV results read a page at a time (bulk2-reader.ts) and re-typed from describe
 * (CSV has only strings).
 *
 * Decision (when to use Bulk): `bulk: true|false` decides; left open, a full read (no `since`) first counts the
 * records (one call) and uses Bulk above BULK_THRESHOLD; incremental reads are small and use REST.
 */
import type { Connection, Record as JsforceRecord, QueryOptions } from 'jsforce';
import type { RateScheduler } from '../rate/scheduler.js';
import type { SfRecord } from '../types.js';
import { bulk2Rows } from './bulk2-reader.js';
import { countSoql, type ReadSpec, selectSoql } from './soql.js';

export const QUERY_PAGE_SIZE = 2000;
export const BULK_THRESHOLD = 50_000;
const QUERY_HEADERS = { 'Sforce-Query-Options': `batchSize=${QUERY_PAGE_SIZE}` };

interface QueryPage {
  done: boolean;
  nextRecordsUrl?: string;
  records: JsforceRecord[];
  totalSize: number;
}

export interface StreamDeps {
  conn: Connection;
  scheduler: RateScheduler;
  /** Field name → describe type, for re-typing Bulk CSV values. */
  fieldTypes(sobject: string): Promise<Map<string, string>>;
  bulkPollTimeoutMs: number;
  bulkResultPage?: number;
}

function stripAttributes(record: JsforceRecord): SfRecord {
  const { attributes: _attributes, ...fields } = record as JsforceRecord & { attributes?: unknown };
  return fields as SfRecord;
}

export async function countRecords(deps: StreamDeps, spec: ReadSpec): Promise<number> {
  const page = await deps.scheduler.run(
    async () => (await deps.conn.query(countSoql(spec), { autoFetch: false })) as QueryPage,
  );
  return page.totalSize;
}

export async function* restPages(deps: StreamDeps, spec: ReadSpec): AsyncGenerator<SfRecord[]> {
  // autoFetch off: each page is fetched here, as its own scheduled call.
  const options: QueryOptions = {
    autoFetch: false,
    headers: QUERY_HEADERS,
    maxFetch: QUERY_PAGE_SIZE,
    scanAll: false,
    responseTarget: 'QueryResult',
  };
  let page = await deps.scheduler.run(async () => (await deps.conn.query(selectSoql(spec), options)) as QueryPage);
  for (;;) {
    if (page.records.length > 0) yield page.records.map(stripAttributes);
    const next = page.nextRecordsUrl;
    if (page.done || !next) return;
    page = await deps.scheduler.run(async () => (await deps.conn.queryMore(next, options)) as QueryPage);
  }
}

const NUMERIC = new Set(['int', 'double', 'currency', 'percent', 'long']);

function retype(value: unknown, type: string | undefined): unknown {
  if (typeof value !== 'string') return value ?? null;
  if (value === '') return null;
  if (type === 'boolean') return value === 'true';
  if (type && NUMERIC.has(type)) return Number(value);
  return value;
}

export async function* bulkPages(
  deps: StreamDeps,
  spec: ReadSpec,
  pageSize = QUERY_PAGE_SIZE,
): AsyncGenerator<SfRecord[]> {
  const types = await deps.fieldTypes(spec.sobject);
  const bulk = {
    conn: deps.conn,
    scheduler: deps.scheduler,
    pollTimeoutMs: deps.bulkPollTimeoutMs,
    resultPage: deps.bulkResultPage,
  };
  for await (const rows of bulk2Rows(bulk, selectSoql(spec), pageSize)) {
    yield rows.map((raw) => {
      const record: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(raw)) record[name] = retype(value, types.get(name));
      return record as SfRecord;
    });
  }
}
