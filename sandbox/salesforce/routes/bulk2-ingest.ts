/**
 * Bulk API 2.0 ingest over HTTP: create a job, PUT its one CSV upload to `batches`, PATCH UploadComplete (or
 * Aborted), poll the job, read the three result files, list and delete jobs. The job is processed on the second
 * status poll after UploadComplete (the first reports InProgress, as a busy org would) or after `processAfterMs`,
 * whichever comes first, so a client that stops polling still finds its job done, as on a real org.
 */
import { json, noContent, type Router, type SandboxRequest, text } from '../../http/router.js';
import {
  failedCount,
  failedResultsCsv,
  type IngestJob,
  type IngestOperation,
  processIngestJob,
  RECORDS_PER_BATCH,
  successfulResultsCsv,
  unprocessedCsv,
} from '../bulk-ingest.js';
import { type EmulatorContext, sessionOf } from '../context.js';
import { DELIMITERS, parseCsv } from '../csv.js';
import { answerErrors, sfError } from '../errors.js';
import { IdGenerator, KEY_PREFIX } from '../ids.js';
import { type FieldDef, objectDefFor } from '../schema.js';
import { sfDateTime } from '../wire.js';
import { apiVersion, dmlContext, jsonObject } from './common.js';

const OPERATIONS: readonly IngestOperation[] = ['insert', 'update', 'upsert', 'delete'];
const FINAL = new Set(['JobComplete', 'Failed', 'Aborted']);

interface JobRecord {
  job: IngestJob;
  info: Record<string, unknown>;
  polls: number;
  timer?: NodeJS.Timeout;
}

export function bulk2IngestRoutes(router: Router, ctx: EmulatorContext, processAfterMs = 200): void {
  const jobs = new Map<string, JobRecord>();
  const ids = new IdGenerator(KEY_PREFIX.BulkJob);
  const base = '/services/data/:v/jobs/ingest';
  const missing = () => sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
  const invalid = (message: string) => sfError(400, 'INVALIDJOB', message);

  const infoOf = ({ job, info }: JobRecord) => ({
    ...info,
    state: job.state,
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
    systemModstamp: sfDateTime(ctx.now().toISOString()),
  });
  const detailOf = (record: JobRecord) => ({
    ...infoOf(record),
    jobType: 'V2Ingest',
    numberRecordsProcessed: record.job.results.length,
    numberRecordsFailed: failedCount(record.job),
    retries: 0,
    totalProcessingTime: record.job.processingMs,
    apiActiveProcessingTime: record.job.processingMs,
    apexProcessingTime: 0,
  });

  const process = (record: JobRecord, req: SandboxRequest) => {
    clearTimeout(record.timer);
    if (record.job.state !== 'UploadComplete' && record.job.state !== 'InProgress') return;
    processIngestJob(dmlContext(ctx, req), record.job);
    ctx.usage.bulkBatches += Math.max(1, Math.ceil(record.job.results.length / RECORDS_PER_BATCH));
  };

  router.on(
    'POST',
    base,
    answerErrors((req) => {
      const body = jsonObject(req);
      const operation = body.operation as IngestOperation;
      if (!OPERATIONS.includes(operation)) return invalid(`Invalid operation: ${String(body.operation)}`);
      const object = objectDefFor(typeof body.object === 'string' ? body.object : '');
      if (!object) return invalid(`Unable to find object: ${String(body.object)}`);
      const delimiterName = typeof body.columnDelimiter === 'string' ? body.columnDelimiter : 'COMMA';
      const delimiter = DELIMITERS[delimiterName];
      if (!delimiter) return invalid(`Invalid column delimiter: ${delimiterName}`);
      let externalIdField: FieldDef | undefined;
      if (operation === 'upsert') {
        const name = typeof body.externalIdFieldName === 'string' ? body.externalIdFieldName : '';
        externalIdField = object.fieldByLowerName.get(name.toLowerCase());
        if (!name) return invalid('External ID was blank for upsert operation');
        if (!externalIdField || !(externalIdField.externalId || externalIdField.name === 'Id')) {
          return invalid(`The field ${name} is not an External ID or indexed field for ${object.name}`);
        }
      }
      const id = ids.next();
      const stamp = sfDateTime(ctx.now().toISOString());
      const version = `v${apiVersion(req).toFixed(1)}`;
      const record: JobRecord = {
        job: {
          id,
          operation,
          object,
          externalIdField,
          delimiter,
          state: 'Open',
          header: [],
          results: [],
          unprocessed: [],
          processingMs: 0,
        },
        info: {
          id,
          operation,
          object: object.name,
          createdById: sessionOf(req).userId,
          createdDate: stamp,
          ...(externalIdField ? { externalIdFieldName: externalIdField.name } : {}),
          concurrencyMode: 'Parallel',
          contentType: 'CSV',
          apiVersion: apiVersion(req),
          contentUrl: `services/data/${version}/jobs/ingest/${id}/batches`,
          lineEnding: typeof body.lineEnding === 'string' ? body.lineEnding : 'LF',
          columnDelimiter: delimiterName,
        },
        polls: 0,
      };
      jobs.set(id, record);
      return json(200, infoOf(record));
    }),
  );

  router.on('PUT', `${base}/:id/batches`, (req) => {
    const record = jobs.get(req.params.id ?? '');
    if (!record) return missing();
    if (record.job.state !== 'Open' || record.job.csv !== undefined) {
      return sfError(
        409,
        'INVALIDJOBSTATE',
        `Found multiple contents for job: <${record.job.id}>, please 'Close' / 'Abort' / 'Delete' the current Job then create a new Job and make sure you only do 'PUT' once on a given Job.`,
      );
    }
    record.job.csv = typeof req.body === 'string' ? req.body : req.rawBody;
    return { status: 201, headers: {} };
  });

  router.on(
    'PATCH',
    `${base}/:id`,
    answerErrors((req) => {
      const record = jobs.get(req.params.id ?? '');
      if (!record) return missing();
      const { job } = record;
      const state = jsonObject(req).state;
      if (state === 'UploadComplete') {
        if (job.state !== 'Open') return sfError(409, 'INVALIDJOBSTATE', `Job is not Open, it is ${job.state}`);
        job.state = 'UploadComplete';
        record.timer = setTimeout(() => process(record, req), processAfterMs);
        record.timer.unref();
      } else if (state === 'Aborted') {
        if (FINAL.has(job.state)) return sfError(409, 'INVALIDJOBSTATE', `Job is already ${job.state}`);
        clearTimeout(record.timer);
        job.state = 'Aborted';
        job.unprocessed = parseCsv(job.csv ?? '', job.delimiter).slice(1);
      } else {
        return sfError(400, 'INVALIDJOBSTATE', `Invalid state: ${String(state)}`);
      }
      return json(200, infoOf(record));
    }),
  );

  router.on('GET', `${base}/:id`, (req) => {
    const record = jobs.get(req.params.id ?? '');
    if (!record) return missing();
    if (record.job.state === 'UploadComplete') record.job.state = 'InProgress';
    else if (record.job.state === 'InProgress') process(record, req);
    return json(200, detailOf(record));
  });

  const resultFile = (render: (job: IngestJob) => string) => (req: SandboxRequest) => {
    const record = jobs.get(req.params.id ?? '');
    if (!record) return missing();
    return text(200, render(record.job), 'text/csv');
  };
  router.on('GET', `${base}/:id/successfulResults`, resultFile(successfulResultsCsv));
  router.on('GET', `${base}/:id/failedResults`, resultFile(failedResultsCsv));
  router.on('GET', `${base}/:id/unprocessedrecords`, resultFile(unprocessedCsv));

  router.on('GET', base, () =>
    json(200, {
      done: true,
      nextRecordsUrl: null,
      records: [...jobs.values()].map((r) => ({ ...infoOf(r), jobType: 'V2Ingest' })),
    }),
  );

  router.on('DELETE', `${base}/:id`, (req) => {
    const record = jobs.get(req.params.id ?? '');
    if (!record) return missing();
    if (!FINAL.has(record.job.state) && record.job.state !== 'Open') {
      return sfError(409, 'INVALIDJOBSTATE', 'Only a job that is Open, complete, failed or aborted can be deleted');
    }
    clearTimeout(record.timer);
    jobs.delete(record.job.id);
    return noContent();
  });
}
