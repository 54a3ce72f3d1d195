/**
 * The HubSpot connector (HubSpotConnector) over @hubspot/api-client 13.5.0: one Client per connection, every call
 * through the HubSpot rate scheduler (search in its own 5/s lane), every failure a RemoteError with an R9.2
 * category, batch writes of ≤ 100 with per-input results in input order (R8.3, R7.7).
 */
import type { Client } from '@hubspot/api-client';
import type { PublicObjectSearchRequest } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import type { HsPropertyDescribe } from '../engine/rules/mappings.js';
import { chunk } from './chunk.js';
import { HS_BATCH_SIZE, type BatchAnswer, toBatchResults } from './hubspot/batch-results.js';
import { createHubSpotClient, type HubSpotCredentials } from './hubspot/client.js';
import {
  archiveCompanyParents,
  type CompanyParentPair,
  createCompanyParents,
  readCompanyParents,
} from './hubspot/company-parents.js';
import {
  type ModifiedProbe,
  modifiedSincePages,
  probeModified,
  type SearchPage,
  type SearchRequest,
} from './hubspot/modified-search.js';
import { toPropertyDescribe, toPropertyCreate, type PropertySpec } from './hubspot/properties.js';
import { toHsObjectRecord, toWireProperties, type WireObject } from './hubspot/records.js';
import { readTokenInfo, type TokenInfo } from './hubspot/token-info.js';
import type { HubSpotRate } from './rate/hubspot-rate.js';
import type { CallOptions } from './rate/scheduler.js';
import { toRemoteError } from './remote-error.js';
import type { HsObjectRecord, HubSpotConnector, HubSpotUsage, RecordResult } from './types.js';

type ObjectType = 'companies' | 'contacts';
const LIST_PAGE_SIZE = 100;
/** HubSpot caps batch reads that ask for property history at 50 inputs. */
const HISTORY_BATCH_SIZE = 50;

export class ApiClientHubSpotConnector implements HubSpotConnector {
  private readonly client: Client;

  constructor(
    private readonly credentials: HubSpotCredentials,
    private readonly rate: HubSpotRate,
  ) {
    this.client = createHubSpotClient(credentials);
  }

  private call<T>(fn: () => Promise<T>, options?: CallOptions): Promise<T> {
    return this.rate.scheduler.run(fn, options);
  }

  /**
   * A generated-API call made through its `…WithHttpInfo` twin, so the response headers (and those of a thrown
   * ApiException) reach the rate state: 13.5.0's generated APIs ignore the `middleware` configured on the Client
   * unless it is passed again on every call, so a response middleware never sees them.
   */
  private callInfo<T>(
    fn: () => Promise<{ headers: Record<string, string>; data: T }>,
    options?: CallOptions,
  ): Promise<T> {
    return this.call(async () => {
      try {
        const info = await fn();
        this.rate.observe(info.headers);
        return info.data;
      } catch (error) {
        const headers = (error as { headers?: unknown } | null)?.headers;
        if (headers && typeof headers === 'object') this.rate.observe(headers as Record<string, string>);
        throw error;
      }
    }, options);
  }

  tokenInfo(): Promise<TokenInfo> {
    return this.call(() => readTokenInfo(this.client, this.credentials.kind, this.credentials.accessToken));
  }

  async properties(objectType: ObjectType): Promise<HsPropertyDescribe[]> {
    const answer = await this.callInfo(() => this.client.crm.properties.coreApi.getAllWithHttpInfo(objectType, false));
    return answer.results.map(toPropertyDescribe);
  }

  async ensureProperty(objectType: ObjectType, property: PropertySpec): Promise<void> {
    const existing = await this.properties(objectType);
    if (existing.some((p) => p.name === property.name)) return;
    await this.callInfo(() =>
      this.client.crm.properties.coreApi.createWithHttpInfo(objectType, toPropertyCreate(property)),
    );
  }

  async *list(objectType: ObjectType, properties: string[]): AsyncIterable<HsObjectRecord[]> {
    let after: string | undefined;
    do {
      const cursor = after;
      const page = await this.callInfo(() =>
        this.client.crm.objects.basicApi.getPageWithHttpInfo(
          objectType,
          LIST_PAGE_SIZE,
          cursor,
          properties,
          undefined,
          undefined,
          false,
        ),
      );
      if (page.results.length > 0) yield page.results.map((o) => toHsObjectRecord(o as WireObject));
      after = page.paging?.next?.after;
    } while (after);
  }

  private searchOf(objectType: ObjectType): (request: SearchRequest) => Promise<SearchPage> {
    return async (request) =>
      (await this.callInfo(
        () =>
          this.client.crm.objects.searchApi.doSearchWithHttpInfo(
            objectType,
            request as unknown as PublicObjectSearchRequest,
          ),
        { lane: 'search' },
      )) as unknown as SearchPage;
  }

  async *modifiedSince(objectType: ObjectType, since: string, properties: string[]): AsyncIterable<HsObjectRecord[]> {
    try {
      yield* modifiedSincePages(objectType, since, properties, this.searchOf(objectType));
    } catch (error) {
      throw toRemoteError('hubspot', error);
    }
  }

  async modifiedProbe(objectType: ObjectType, since: string): Promise<ModifiedProbe> {
    try {
      return await probeModified(objectType, since, this.searchOf(objectType));
    } catch (error) {
      throw toRemoteError('hubspot', error);
    }
  }

  async read(
    objectType: ObjectType,
    ids: string[],
    properties: string[],
    withHistory = false,
  ): Promise<HsObjectRecord[]> {
    const records: HsObjectRecord[] = [];
    for (const batch of chunk(ids, withHistory ? HISTORY_BATCH_SIZE : HS_BATCH_SIZE)) {
      const answer = await this.callInfo(() =>
        this.client.crm.objects.batchApi.readWithHttpInfo(
          objectType,
          { inputs: batch.map((id) => ({ id })), properties, propertiesWithHistory: withHistory ? properties : [] },
          false,
        ),
      );
      records.push(...answer.results.map((o) => toHsObjectRecord(o as WireObject)));
    }
    return records;
  }

  /** Upsert by a unique property (architecture "Idempotency"): replaying a batch cannot duplicate. */
  async upsert(
    objectType: 'companies',
    idProperty: string,
    inputs: { idValue: string; properties: Record<string, string | null> }[],
  ): Promise<RecordResult[]> {
    const results: RecordResult[] = [];
    for (const batch of chunk(inputs, HS_BATCH_SIZE)) {
      const answer = await this.callInfo(() =>
        this.client.crm.objects.batchApi.upsertWithHttpInfo(objectType, {
          inputs: batch.map((input, index) => ({
            id: input.idValue,
            idProperty,
            properties: toWireProperties(input.properties),
            objectWriteTraceId: String(index),
          })),
        }),
      );
      const keys = batch.map((input) => ({
        key: input.idValue,
        objectId: null,
        keyOf: (r: { properties?: Record<string, string | null> }) => r.properties?.[idProperty] ?? undefined,
      }));
      results.push(...toBatchResults(answer as unknown as BatchAnswer, keys));
    }
    return results;
  }

  async update(
    objectType: ObjectType,
    inputs: { id: string; properties: Record<string, string | null> }[],
  ): Promise<RecordResult[]> {
    const results: RecordResult[] = [];
    for (const batch of chunk(inputs, HS_BATCH_SIZE)) {
      const answer = await this.callInfo(() =>
        this.client.crm.objects.batchApi.updateWithHttpInfo(objectType, {
          inputs: batch.map((input, index) => ({
            id: input.id,
            properties: toWireProperties(input.properties),
            objectWriteTraceId: String(index),
          })),
        }),
      );
      const keys = batch.map((input) => ({ key: input.id, objectId: input.id, keyOf: (r: { id: string }) => r.id }));
      results.push(...toBatchResults(answer as unknown as BatchAnswer, keys));
    }
    return results;
  }

  async archive(objectType: 'companies', ids: string[]): Promise<void> {
    for (const batch of chunk(ids, HS_BATCH_SIZE)) {
      await this.callInfo(() =>
        this.client.crm.objects.batchApi.archiveWithHttpInfo(objectType, { inputs: batch.map((id) => ({ id })) }),
      );
    }
  }

  async companyContacts(companyIds: string[]): Promise<Map<string, string[]>> {
    const contacts = new Map<string, string[]>(companyIds.map((id) => [id, []]));
    // A company with more than a page of contacts comes back with `paging.next.after`: ask again for just those.
    let pending = companyIds.map((id) => ({ id, after: undefined as string | undefined }));
    while (pending.length > 0) {
      const next: typeof pending = [];
      for (const batch of chunk(pending, HS_BATCH_SIZE)) {
        const answer = await this.callInfo(() =>
          this.client.crm.associations.v4.batchApi.getPageWithHttpInfo('companies', 'contacts', {
            inputs: batch.map(({ id, after }) => (after ? { id, after } : { id })),
          }),
        );
        for (const result of answer.results) {
          const from = String(result._from.id);
          contacts.get(from)?.push(...result.to.map((to) => String(to.toObjectId)));
          const after = result.paging?.next?.after;
          if (after) next.push({ id: from, after });
        }
      }
      pending = next;
    }
    return contacts;
  }

  companyParents(companyIds: string[]): Promise<Map<string, string>> {
    return readCompanyParents(this.client, (fn) => this.callInfo(fn), companyIds);
  }

  setCompanyParents(pairs: CompanyParentPair[]): Promise<RecordResult[]> {
    return createCompanyParents(this.client, (fn) => this.callInfo(fn), pairs);
  }

  removeCompanyParents(pairs: CompanyParentPair[]): Promise<void> {
    return archiveCompanyParents(this.client, (fn) => this.callInfo(fn), pairs);
  }

  async *listMembers(listId: string): AsyncIterable<string[]> {
    let after: string | undefined;
    do {
      const cursor = after;
      const page = await this.callInfo(() =>
        this.client.crm.lists.membershipsApi.getPageWithHttpInfo(listId, cursor, undefined, 250),
      );
      if (page.results.length > 0) yield page.results.map((m) => String(m.recordId));
      after = page.paging?.next?.after;
    } while (after);
  }

  async owners(): Promise<{ id: string; email: string; firstName: string; lastName: string; archived: boolean }[]> {
    const owners: { id: string; email: string; firstName: string; lastName: string; archived: boolean }[] = [];
    let after: string | undefined;
    do {
      const cursor = after;
      const page = await this.callInfo(() =>
        this.client.crm.owners.ownersApi.getPageWithHttpInfo(undefined, cursor, 100, false),
      );
      for (const o of page.results) {
        owners.push({
          id: o.id,
          email: o.email ?? '',
          firstName: o.firstName ?? '',
          lastName: o.lastName ?? '',
          archived: o.archived,
        });
      }
      after = page.paging?.next?.after;
    } while (after);
    return owners;
  }

  usage(): HubSpotUsage {
    return this.rate.usage();
  }
}
