/**
 * SOQL over REST: `query`, `queryAll` and `query/{locator}` (A4). Pages of 2,000 by default; the
 * `Sforce-Query-Options: batchSize=N` header picks 200–2,000 (values outside are clamped, "no guarantee" per docs).
 */
import { json, type Router, type SandboxRequest, type SandboxResponse } from '../../http/router.js';
import { CursorStore } from '../cursors.js';
import type { EmulatorContext } from '../context.js';
import { sfError } from '../errors.js';
import { columnMetadata } from './query-columns.js';
import { SoqlError } from '../soql/errors.js';
import { type CompiledQuery, compileQuery } from '../soql/evaluate.js';
import { parseSoql } from '../soql/parser.js';
import type { Row } from '../store.js';
import { toWire } from '../wire.js';

const DEFAULT_BATCH = 2000;

export function batchSizeOf(req: SandboxRequest): number {
  const header = req.headers['sforce-query-options'];
  const match = /batchSize\s*=\s*(\d+)/i.exec(Array.isArray(header) ? header.join(',') : (header ?? ''));
  return match ? Math.min(2000, Math.max(200, Number(match[1]))) : DEFAULT_BATCH;
}

/** Parses and binds SOQL; a SoqlError becomes the org's 400 answer. */
export function compileOrAnswer(soql: string | null, includeDeleted: boolean): CompiledQuery | SandboxResponse {
  if (!soql) return sfError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
  try {
    return compileQuery(parseSoql(soql), includeDeleted);
  } catch (error) {
    if (error instanceof SoqlError) return sfError(400, error.errorCode, error.message);
    throw error;
  }
}

function page(
  version: string,
  query: CompiledQuery,
  rows: Row[],
  offset: number,
  batchSize: number,
  locator: () => string,
) {
  if (query.count) return json(200, { totalSize: rows.length, done: true, records: [] });
  const end = Math.min(rows.length, offset + batchSize);
  const records = new Array(end - offset);
  for (let i = offset; i < end; i++) records[i - offset] = toWire(query.object, rows[i] as Row, version, query.fields);
  const done = end >= rows.length;
  const next = done ? {} : { nextRecordsUrl: `/services/data/${version}/query/${locator()}-${end}` };
  return json(200, { totalSize: rows.length, done, ...next, records });
}

export function queryRoutes(router: Router, ctx: EmulatorContext): void {
  const cursors = new CursorStore();

  const run = (includeDeleted: boolean) => (req: SandboxRequest) => {
    const compiled = compileOrAnswer(req.query.get('q'), includeDeleted);
    if (!('run' in compiled)) return compiled;
    if (req.query.get('columns') === 'true') return columnMetadata(compiled);
    const rows = compiled.run(ctx.store);
    const batchSize = batchSizeOf(req);
    let cursorId: string | undefined;
    const locator = () => {
      cursorId ??= cursors.open({ query: compiled, rows, batchSize });
      return cursorId;
    };
    return page(req.params.v ?? '', compiled, rows, 0, batchSize, locator);
  };

  const more = (req: SandboxRequest) => {
    const match = /^(.+)-(\d+)$/.exec(req.params.locator ?? '');
    const cursor = match ? cursors.get(match[1] as string) : undefined;
    if (!match || !cursor) return sfError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    return page(
      req.params.v ?? '',
      cursor.query,
      cursor.rows,
      Number(match[2]),
      cursor.batchSize,
      () => match[1] as string,
    );
  };

  router.on('GET', '/services/data/:v/query', run(false));
  router.on('GET', '/services/data/:v/queryAll', run(true));
  router.on('GET', '/services/data/:v/query/:locator', more);
  router.on('GET', '/services/data/:v/queryAll/:locator', more);
}
