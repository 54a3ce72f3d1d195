/**
 * Bulk API 2.0 query results read page by page (R2.5, R8.3). jsforce's `bulk2.query` collects every row in memory
 * and mishandles multi-page results (jsforce issue #1546), so the job is driven here: create, poll, then fetch
 * results `RESULT_PAGE` rows at a time following `Sforce-Locator` until it says "null". Each request is its own
 * scheduled call through the connection's budgeted transport.
 */
import type { Connection } from 'jsforce';
import type { RateScheduler } from '../rate/scheduler.js';
import type { SfRecord } from '../types.js';
import { parseCsv } from './csv.js';

/**
 * Rows per results request. A page is held three times at once (the CSV text, its parsed rows, the typed records):
 * at 50,000 that was the peak of a whole 200,000-account import; 10,000 costs 20 calls per 200,000 rows.
 */
export const RESULT_PAGE = 10_000;

interface QueryJob {
  id: string;
  state: 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  errorMessage?: string;
}

export interface Bulk2Deps {
  conn: Connection;
  scheduler: RateScheduler;
  pollTimeoutMs: number;
  /** Rows per results request (Salesforce's maxRecords); smaller in tests to exercise paging. */
  resultPage?: number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A failed HTTP answer shaped like jsforce's own errors, so the connector's error mapping applies. */
function httpError(statusCode: number, body: string): Error {
  let detail: { errorCode?: string; message?: string } = {};
  try {
    const parsed = JSON.parse(body) as unknown;
    detail = (Array.isArray(parsed) ? parsed[0] : parsed) as typeof detail;
  } catch {
    detail = { message: body.slice(0, 200) };
  }
  const error = new Error(detail.message ?? `HTTP ${statusCode}`) as Error & { errorCode?: string; statusCode: number };
  error.name = detail.errorCode ?? `ERROR_HTTP_${statusCode}`;
  error.errorCode = detail.errorCode;
  error.statusCode = statusCode;
  return error;
}

async function runJob(deps: Bulk2Deps, soql: string): Promise<string> {
  const { conn, scheduler } = deps;
  const base = `/services/data/v${conn.version}/jobs/query`;
  const job = await scheduler.run(
    () =>
      conn.request<QueryJob>({
        method: 'POST',
        url: base,
        body: JSON.stringify({ operation: 'query', query: soql }),
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      }),
    // A retried create makes a second job, which costs one call and nothing else.
    { idempotent: true },
  );
  const deadline = Date.now() + deps.pollTimeoutMs;
  let delay = 100;
  for (let state = job.state; state !== 'JobComplete'; ) {
    if (state === 'Failed' || state === 'Aborted') throw new Error(`Bulk API 2.0 query job ${job.id} ${state}.`);
    if (Date.now() > deadline) throw new Error(`Bulk API 2.0 query job ${job.id} did not finish in time.`);
    await (deps.sleep ?? wait)(delay);
    delay = Math.min(delay * 2, 2000);
    const polled = await scheduler.run(() => conn.request<QueryJob>(`${base}/${job.id}`));
    if (polled.state === 'Failed') throw new Error(`Bulk API 2.0 query job failed: ${polled.errorMessage ?? ''}`);
    state = polled.state;
  }
  return `${conn.instanceUrl}${base}/${job.id}/results`;
}

/** Yields pages of raw string records (header names → CSV values); the caller re-types them. */
export async function* bulk2Rows(
  deps: Bulk2Deps,
  soql: string,
  pageSize: number,
): AsyncGenerator<Record<string, string>[]> {
  const resultsUrl = await runJob(deps, soql);
  let locator: string | null = null;
  do {
    const url = `${resultsUrl}?maxRecords=${deps.resultPage ?? RESULT_PAGE}${locator ? `&locator=${encodeURIComponent(locator)}` : ''}`;
    const response = await deps.scheduler.run(async () => {
      const answer = await deps.conn._transport.httpRequest({
        method: 'GET',
        url,
        headers: { Authorization: `Bearer ${deps.conn.accessToken}`, Accept: 'text/csv' },
      });
      if (answer.statusCode >= 400) throw httpError(answer.statusCode, answer.body);
      return answer;
    });
    const [header, ...rows] = parseCsv(response.body);
    for (let i = 0; i < rows.length; i += pageSize) {
      yield rows.slice(i, i + pageSize).map((row) => {
        const record: Record<string, string> = {};
        header?.forEach((name, column) => {
          record[name] = row[column] ?? '';
        });
        return record;
      });
    }
    const next = response.headers['sforce-locator'];
    locator = next && next !== 'null' ? next : null;
  } while (locator);
}

export type { SfRecord };
