/**
 * The Salesforce connector (SalesforceConnector) over jsforce 3: every call through the Salesforce rate
 * scheduler, every failure a RemoteError with an R9.2 category, writes in sObject Collections of ≤ 200 (R8.3).
 */
import type { Connection } from 'jsforce';
import type { SfFieldDescribe } from '../engine/rules/mappings.js';
import type { SalesforceRate } from './rate/salesforce-rate.js';
import { toRemoteError } from './remote-error.js';
import { createJsforceConnection, type SalesforceCredentials } from './salesforce/jsforce-connection.js';
import { Bulk2Writer } from './salesforce/bulk2-writer.js';
import { bulkPages, BULK_THRESHOLD, countRecords, restPages, type StreamDeps } from './salesforce/record-stream.js';
import { chunk } from './chunk.js';
import { SF_COLLECTION_SIZE, toRecordResults } from './salesforce/save-results.js';
import { toFieldDescribe } from './salesforce/describe.js';
import { soqlDateTime, soqlIdentifier } from './salesforce/soql.js';
import type { RecordResult, SalesforceConnector, SalesforceUsage, SfRecord } from './types.js';

export interface SalesforceConnectorOptions {
  /** Full reads above this many records use Bulk API 2.0 unless the caller decides. */
  bulkThreshold?: number;
  bulkPollTimeoutMs?: number;
  /** Rows per Bulk API 2.0 results request (default 50,000). */
  bulkResultPage?: number;
  /** Between status polls of a Bulk API 2.0 ingest job (default 2,000 ms). */
  bulkPollIntervalMs?: number;
}

type Identity = Awaited<ReturnType<SalesforceConnector['identity']>>;

export class JsforceSalesforceConnector implements SalesforceConnector {
  private readonly conn: Connection;
  private readonly describes = new Map<string, Promise<Map<string, string>>>();
  private bulkWriter: Bulk2Writer | undefined;

  constructor(
    credentials: SalesforceCredentials,
    private readonly rate: SalesforceRate,
    private readonly options: SalesforceConnectorOptions = {},
  ) {
    this.conn = createJsforceConnection(credentials, rate.budget);
  }

  private call<T>(fn: () => Promise<T>, idempotent = true): Promise<T> {
    return this.rate.scheduler.run(fn, { idempotent });
  }

  async identity(): Promise<Identity> {
    const info = await this.call(() => this.conn.identity());
    return {
      orgId: info.organization_id,
      userId: info.user_id,
      username: info.username,
      displayName: info.display_name,
      instanceUrl: this.conn.instanceUrl,
    };
  }

  async describeAccount(): Promise<SfFieldDescribe[]> {
    const result = await this.call(() => this.conn.describe('Account'));
    return result.fields.map(toFieldDescribe);
  }

  async limits(): Promise<{ dailyApiRequests: { max: number; remaining: number } }> {
    const limits = await this.call(() => this.conn.limits());
    const daily = limits.DailyApiRequests;
    return { dailyApiRequests: { max: daily?.Max ?? 0, remaining: daily?.Remaining ?? 0 } };
  }

  async *stream(
    sobject: string,
    fields: string[],
    options: { since?: string | null; where?: string; bulk?: boolean } = {},
  ): AsyncIterable<SfRecord[]> {
    const spec = { sobject, fields, since: options.since ?? null, where: options.where };
    const deps: StreamDeps = {
      conn: this.conn,
      scheduler: this.rate.scheduler,
      fieldTypes: (name) => this.fieldTypes(name),
      bulkPollTimeoutMs: this.options.bulkPollTimeoutMs ?? 10 * 60_000,
      bulkResultPage: this.options.bulkResultPage,
    };
    try {
      const bulk =
        options.bulk ??
        (!spec.since && (await countRecords(deps, spec)) > (this.options.bulkThreshold ?? BULK_THRESHOLD));
      yield* bulk ? bulkPages(deps, spec) : restPages(deps, spec);
    } catch (error) {
      throw toRemoteError('salesforce', error);
    }
  }

  async getDeleted(sobject: string, start: string, end: string): Promise<{ id: string; deletedDate: string }[]> {
    const result = await this.call(() => this.conn.sobject(sobject).deleted(start, end));
    return result.deletedRecords.map(({ id, deletedDate }) => ({ id, deletedDate }));
  }

  async deletedSince(sobject: string, since: string): Promise<{ id: string; deletedDate: string }[]> {
    const soql = `SELECT Id, SystemModstamp FROM ${soqlIdentifier(sobject)} WHERE IsDeleted = true AND SystemModstamp >= ${soqlDateTime(since)}`;
    const result = await this.call(async () => await this.conn.query(soql, { scanAll: true }));
    return (result.records as { Id: string; SystemModstamp: string }[]).map((r) => ({
      id: r.Id,
      deletedDate: r.SystemModstamp,
    }));
  }

  /** Not idempotent: a create whose answer was lost is reconciled by the engine, not blindly re-sent. */
  create(sobject: string, records: Record<string, unknown>[]): Promise<RecordResult[]> {
    return this.inCollections(
      records,
      false,
      (batch) => this.conn.sobject(sobject).create(batch, { allOrNone: false }),
      () => null,
    );
  }

  update(sobject: string, records: SfRecord[]): Promise<RecordResult[]> {
    return this.inCollections(
      records,
      true,
      (batch) => this.conn.sobject(sobject).update(batch, { allOrNone: false }),
      (record) => record.Id,
    );
  }

  /** Upsert by an external-id field (architecture "Idempotency": HS → SF creates replay safely). */
  upsert(sobject: string, externalIdField: string, records: Record<string, unknown>[]): Promise<RecordResult[]> {
    return this.inCollections(
      records,
      true,
      (batch) => this.conn.sobject(sobject).upsert(batch, externalIdField, { allOrNone: false }),
      () => null,
    );
  }

  private get writer(): Bulk2Writer {
    this.bulkWriter ??= new Bulk2Writer(
      this.conn,
      this.rate.scheduler,
      this.options.bulkPollIntervalMs ?? 2000,
      this.options.bulkPollTimeoutMs ?? 10 * 60_000,
    );
    return this.bulkWriter;
  }

  bulkOpen: Bulk2Writer['open'] = (...args) => this.writer.open(...args);
  bulkUpload: Bulk2Writer['upload'] = (...args) => this.writer.upload(...args);
  bulkClose: Bulk2Writer['close'] = (...args) => this.writer.close(...args);
  bulkAbort: Bulk2Writer['abort'] = (...args) => this.writer.abort(...args);
  bulkStatus: Bulk2Writer['status'] = (...args) => this.writer.status(...args);
  bulkWaitDone: Bulk2Writer['waitDone'] = (...args) => this.writer.waitDone(...args);
  bulkResults: Bulk2Writer['results'] = (...args) => this.writer.results(...args);

  destroy(sobject: string, ids: string[]): Promise<RecordResult[]> {
    return this.inCollections(
      ids.map((Id) => ({ Id })),
      true,
      (batch) =>
        this.conn.sobject(sobject).destroy(
          batch.map((r) => r.Id),
          { allOrNone: false },
        ),
      (record) => record.Id,
    );
  }

  usage(): SalesforceUsage {
    return this.rate.budget.usage();
  }

  private async inCollections<R extends Record<string, unknown>>(
    records: R[],
    idempotent: boolean,
    send: (batch: R[]) => Promise<unknown>,
    idOf: (record: R) => string | null,
  ): Promise<RecordResult[]> {
    const results: RecordResult[] = [];
    for (const batch of chunk(records, SF_COLLECTION_SIZE)) {
      const answer = await this.call(() => send(batch), idempotent);
      results.push(...toRecordResults(answer, batch.map(idOf)));
    }
    return results;
  }

  private fieldTypes(sobject: string): Promise<Map<string, string>> {
    let types = this.describes.get(sobject);
    if (!types) {
      types = this.call(() => this.conn.describe(sobject)).then(
        (result) => new Map(result.fields.map((field) => [field.name, field.type as string])),
      );
      types.catch(() => this.describes.delete(sobject));
      this.describes.set(sobject, types);
    }
    return types;
  }
}
