/**
 * Bulk API 2.0 ingest jobs (insert, update, upsert on an external id, delete): the uploaded CSV is checked row by
 * row with the same validation as sObject Collections (dml.ts), and every row ends in exactly one of the three
 * result files the org offers: successful (`sf__Id`, `sf__Created`), failed (`sf__Id`, `sf__Error`) or unprocessed.
 * developer.salesforce.com api_asynch: create_job, upload_job_data, close_job, get_job_info,
 * get_job_successful_results, get_job_failed_results, get_job_unprocessed_results.
 */
import { csvLine, CsvSyntaxError, parseCsv } from './csv.js';
import { applyBatch, type DmlContext, type WriteOp } from './dml.js';
import { RequestError, type RecordError, type SaveResult } from './errors.js';
import type { FieldDef, ObjectDef } from './schema.js';

export type IngestOperation = 'insert' | 'update' | 'upsert' | 'delete';
export type IngestState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

/** Bulk API 2.0 counts one batch per 10,000 records toward DailyBulkApiBatches. */
export const RECORDS_PER_BATCH = 10_000;

interface RowResult {
  values: string[];
  result: SaveResult;
}

export interface IngestJob {
  id: string;
  operation: IngestOperation;
  object: ObjectDef;
  externalIdField?: FieldDef;
  delimiter: string;
  state: IngestState;
  errorMessage?: string;
  /** The one upload the job accepts (the org refuses a second PUT). */
  csv?: string;
  header: string[];
  results: RowResult[];
  /** Rows uploaded but never processed (the job was aborted or failed first). */
  unprocessed: string[][];
  processingMs: number;
}

/** `REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --`, as in the org's failed-results file. */
const errorText = (errors: RecordError[]): string =>
  errors.map((e) => `${e.statusCode}:${e.message}:${e.fields.join(',')} --`).join(' ');

/** Whether a CSV cell can be read as the field's type (numbers and checkboxes; text always can). */
function readable(field: FieldDef, value: string): boolean {
  if (field.type === 'int' || field.type === 'currency') return value.trim() !== '' && Number.isFinite(Number(value));
  if (field.type === 'boolean') return /^(true|false)$/i.test(value);
  return true;
}

function rowOp(job: IngestJob, columns: (FieldDef | undefined)[], values: string[]): WriteOp {
  const fields: Record<string, unknown> = {};
  let id: string | undefined;
  columns.forEach((field, i) => {
    const value = values[i] ?? '';
    if (!field) return;
    if (field.name === 'Id') {
      id = value;
      return;
    }
    // An empty cell leaves the field as it is; `#N/A` is how a CSV row clears one.
    if (value === '') return;
    if (value !== '#N/A' && !readable(field, value)) {
      throw new RequestError(
        400,
        'INVALID_TYPE_ON_FIELD_IN_RECORD',
        `${field.label}: value not of required type: ${value}`,
        [field.name],
      );
    }
    if (value === '#N/A') fields[field.name] = null;
    else fields[field.name] = field.type === 'boolean' ? value.toLowerCase() : value;
  });
  const { object } = job;
  switch (job.operation) {
    case 'insert':
      return { kind: 'create', object, fields };
    case 'update':
      return { kind: 'update', object, id, fields };
    case 'delete':
      return { kind: 'delete', object, id };
    case 'upsert': {
      const external = job.externalIdField as FieldDef;
      if (external.name === 'Id')
        return id ? { kind: 'update', object, id, fields } : { kind: 'create', object, fields };
      const externalValue = fields[external.name];
      delete fields[external.name];
      if (typeof externalValue !== 'string') {
        throw new RequestError(400, 'MISSING_ARGUMENT', `${external.name} not specified`, [external.name]);
      }
      return { kind: 'upsert', object, externalField: external, externalValue, fields };
    }
  }
}

function applyRow(ctx: DmlContext, job: IngestJob, columns: (FieldDef | undefined)[], values: string[]): SaveResult {
  try {
    const [result] = applyBatch(ctx, [rowOp(job, columns, values)], false);
    return result as SaveResult;
  } catch (error) {
    // A value the org cannot read (a number column holding text) fails its row, not the job.
    if (!(error instanceof RequestError)) throw error;
    return {
      success: false,
      errors: [{ statusCode: error.errorCode, message: error.message, fields: error.fields ?? [] }],
    };
  }
}

/** The column the job cannot work with (unknown, or the Id / external id it needs is missing), if any. */
function headerProblem(job: IngestJob, columns: (FieldDef | undefined)[]): string | undefined {
  const unknown = job.header.find((_, i) => !columns[i]);
  if (unknown !== undefined) return unknown;
  const needsId = job.operation === 'update' || job.operation === 'delete';
  if (needsId && !columns.some((f) => f?.name === 'Id')) return 'Id';
  if (job.operation === 'upsert' && !columns.includes(job.externalIdField)) return job.externalIdField?.name;
  return undefined;
}

/** Runs an uploaded job to JobComplete, or to Failed when the file itself is unusable (then no row is processed). */
export function processIngestJob(ctx: DmlContext, job: IngestJob): void {
  const started = Date.now();
  let rows: string[][];
  try {
    rows = parseCsv(job.csv ?? '', job.delimiter);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    job.state = 'Failed';
    job.errorMessage = `InvalidBatch : ${error.message}`;
    return;
  }
  job.header = rows[0] ?? [];
  const data = rows.slice(1);
  const columns = job.header.map((name) => job.object.fieldByLowerName.get(name.trim().toLowerCase()));
  const missingColumn = headerProblem(job, columns);
  if (missingColumn !== undefined) {
    job.state = 'Failed';
    job.errorMessage = `InvalidBatch : Field name not found : ${missingColumn}`;
    job.unprocessed = data;
    return;
  }
  job.results = data.map((values) => ({ values, result: applyRow(ctx, job, columns, values) }));
  job.state = 'JobComplete';
  job.processingMs = Date.now() - started;
}

export const failedCount = (job: IngestJob): number => job.results.filter((r) => !r.result.success).length;

export function successfulResultsCsv(job: IngestJob): string {
  const lines = [csvLine(['sf__Id', 'sf__Created', ...job.header])];
  for (const { values, result } of job.results) {
    if (result.success)
      lines.push(csvLine([result.id, String(job.operation === 'insert' || result.created === true), ...values]));
  }
  return `${lines.join('\n')}\n`;
}

export function failedResultsCsv(job: IngestJob): string {
  const lines = [csvLine(['sf__Id', 'sf__Error', ...job.header])];
  for (const { values, result } of job.results) {
    if (!result.success) lines.push(csvLine([result.id ?? '', errorText(result.errors), ...values]));
  }
  return `${lines.join('\n')}\n`;
}

export function unprocessedCsv(job: IngestJob): string {
  const header = job.header.length > 0 ? job.header : (parseCsv(job.csv ?? '', job.delimiter)[0] ?? []);
  return `${[csvLine(header), ...job.unprocessed.map((v) => csvLine(v))].join('\n')}\n`;
}
