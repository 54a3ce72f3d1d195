/**
 * Bulk API 2.0 query jobs (A10). The query runs when the job is created (the matching rows are kept by reference),
 * the first status poll reports JobComplete, and results are CSV pages with `Sforce-Locator` on every page: the
 * literal `null` on the last one, or jsforce loops forever. A request with `maxRecords` gets pages of that size, as
 * from Salesforce (the engine's bulk2-reader asks for 50,000).
 *
 * Without `maxRecords` everything comes in ONE page by default, unlike Salesforce, which pages large results on
 * its own. This is deliberate: jsforce 3.10.16's `bulk2.query` pipes every results page into one CSV stream, the
 * first page's end closes that stream, and the second page dies with ERR_STREAM_WRITE_AFTER_END — an uncaught
 * error, and the query's promise never settles (jsforce issue #1546). Verified against the installed jsforce in
 * tests/sandbox/salesforce/bulk2-paging.test.ts; `bulkResultPage` turns realistic paging on for clients that cope.
 */
import { json, noContent, type Router, type SandboxRequest, text } from '../../http/router.js';
import { type EmulatorContext, sessionOf } from '../context.js';
import { csvLine, DELIMITERS, LINE_ENDINGS } from '../csv.js';
import { answerErrors, sfError } from '../errors.js';
import { IdGenerator, KEY_PREFIX } from '../ids.js';
import type { CompiledQuery } from '../soql/evaluate.js';
import type { Row } from '../store.js';
import { fieldValue } from '../schema.js';
import { sfDateTime } from '../wire.js';
import { apiVersion, jsonObject } from './common.js';
import { compileOrAnswer } from './query.js';

interface QueryJob {
  info: Record<string, unknown> & { id: string; state: string };
  query: CompiledQuery;
  rows: Row[];
}

function csvPage(job: QueryJob, from: number, to: number): string {
  const delimiter = DELIMITERS[job.info.columnDelimiter as string] ?? ',';
  const eol = LINE_ENDINGS[job.info.lineEnding as string] ?? '\n';
  const { fields } = job.query;
  const lines = new Array<string>(to - from + 1);
  lines[0] = csvLine(
    fields.map((f) => f.name),
    delimiter,
  );
  for (let i = from; i < to; i++) {
    const row = job.rows[i] as Row;
    lines[i - from + 1] = csvLine(
      fields.map((f) => fieldValue(f, row)),
      delimiter,
    );
  }
  return lines.join(eol) + eol;
}

/** Locators look like the org's (base64 of the next offset, e.g. `MTAwMDA`). */
const encodeLocator = (offset: number) => Buffer.from(String(offset)).toString('base64').replace(/=+$/, '');
const decodeLocator = (locator: string) => Number(Buffer.from(locator, 'base64').toString('utf8'));

/** `defaultPage`: rows per results page when the request names no maxRecords (undefined = all in one page). */
export function bulk2Routes(router: Router, ctx: EmulatorContext, defaultPage?: number): void {
  const jobs = new Map<string, QueryJob>();
  const ids = new IdGenerator(KEY_PREFIX.BulkJob);
  const base = '/services/data/:v/jobs/query';
  const jobOf = (req: SandboxRequest) => jobs.get(req.params.id ?? '');
  const missing = () => sfError(404, 'NOT_FOUND', 'The requested resource does not exist');

  router.on(
    'POST',
    base,
    answerErrors((req) => {
      const body = jsonObject(req);
      const operation = body.operation === 'queryAll' ? 'queryAll' : 'query';
      const compiled = compileOrAnswer(typeof body.query === 'string' ? body.query : null, operation === 'queryAll');
      if (!('run' in compiled)) return compiled;
      if (compiled.count) return sfError(400, 'INVALIDJOB', 'Aggregate queries are not supported by Bulk API 2.0');
      const stamp = sfDateTime(ctx.now().toISOString());
      const job: QueryJob = {
        info: {
          id: ids.next(),
          operation,
          object: compiled.object.name,
          createdById: sessionOf(req).userId,
          createdDate: stamp,
          systemModstamp: stamp,
          state: 'UploadComplete',
          concurrencyMode: 'Parallel',
          contentType: 'CSV',
          apiVersion: apiVersion(req),
          lineEnding: typeof body.lineEnding === 'string' ? body.lineEnding : 'LF',
          columnDelimiter: typeof body.columnDelimiter === 'string' ? body.columnDelimiter : 'COMMA',
        },
        query: compiled,
        rows: compiled.run(ctx.store),
      };
      jobs.set(job.info.id, job);
      ctx.usage.bulkQueryJobs++;
      return json(200, job.info);
    }),
  );

  router.on('GET', base, () =>
    json(200, {
      done: true,
      nextRecordsUrl: null,
      records: [...jobs.values()].map((j) => ({ ...j.info, jobType: 'V2Query' })),
    }),
  );

  router.on('GET', `${base}/:id`, (req) => {
    const job = jobOf(req);
    if (!job) return missing();
    if (job.info.state === 'UploadComplete') job.info.state = 'JobComplete';
    return json(200, {
      ...job.info,
      jobType: 'V2Query',
      numberRecordsProcessed: job.info.state === 'JobComplete' ? job.rows.length : 0,
      retries: 0,
      totalProcessingTime: 0,
      isPkChunkingSupported: true,
    });
  });

  router.on('GET', `${base}/:id/results`, (req) => {
    const job = jobOf(req);
    if (!job) return missing();
    if (job.info.state !== 'JobComplete') {
      return sfError(
        412,
        'JOB_NOT_COMPLETE',
        `can only download query results of successfully completed bulk job with status: JOB_COMPLETE. Current status: ${String(job.info.state).toUpperCase()}`,
      );
    }
    const locator = req.query.get('locator');
    const from = locator ? decodeLocator(locator) : 0;
    if (!Number.isInteger(from) || from < 0 || from > job.rows.length)
      return sfError(400, 'INVALID_LOCATOR', 'invalid locator');
    const maxRecords = Number(req.query.get('maxRecords') ?? defaultPage ?? Number.POSITIVE_INFINITY);
    const to = Math.min(job.rows.length, from + (maxRecords > 0 ? maxRecords : Number.POSITIVE_INFINITY));
    const res = text(200, csvPage(job, from, to), 'text/csv');
    res.headers = {
      ...res.headers,
      'Sforce-Locator': to < job.rows.length ? encodeLocator(to) : 'null',
      'Sforce-NumberOfRecords': String(to - from),
    };
    return res;
  });

  router.on(
    'PATCH',
    `${base}/:id`,
    answerErrors((req) => {
      const job = jobOf(req);
      if (!job) return missing();
      if (jsonObject(req).state !== 'Aborted')
        return sfError(400, 'INVALIDJOBSTATE', 'Only Aborted is a valid state for a query job');
      if (job.info.state !== 'JobComplete') job.info.state = 'Aborted';
      return json(200, job.info);
    }),
  );

  router.on('DELETE', `${base}/:id`, (req) => (jobs.delete(req.params.id ?? '') ? noContent() : missing()));
}
