/**
 * What the engine needs from the two remote systems. The implementations wrap the real client libraries
 * (jsforce, @hubspot/api-client); every call goes through the system's rate scheduler, and every failure comes back
 * as a RemoteError with an R9.2 category, so the engine has one retry policy, ours.
 */
import type { ModifiedProbe } from './hubspot/modified-search.js';
import type { Bulk2Writer } from './salesforce/bulk2-writer.js';
import type { CategoryOrUnknown, ErrorCategory } from '../engine/rules/errors.js';
import type { HsPropertyDescribe, SfFieldDescribe } from '../engine/rules/mappings.js';

// R9.2: one list of categories, with the pure rules. UNCATEGORIZED is kept as such, never forced into a wrong bucket.
export type { CategoryOrUnknown, ErrorCategory };

/** A failure of a whole call (not of one record in a batch). Its message is safe to log (R9.1: secrets redacted). */
export class RemoteError extends Error {
  constructor(
    readonly system: 'salesforce' | 'hubspot',
    readonly category: CategoryOrUnknown,
    message: string,
    /** Worth trying again later (network, 5xx, limits) as opposed to a request that will never succeed. */
    readonly retryable: boolean,
    readonly status?: number,
    /** The remote code that decided the category (`INVALID_SESSION_ID`, `HTTP_429`, `ECONNREFUSED`), if any. */
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}

/** The outcome of one record in a batch write. */
export type RecordResult =
  | { ok: true; id: string; created?: boolean }
  | { ok: false; id: string | null; category: CategoryOrUnknown; code: string; message: string; fields?: string[] };

export type SfRecord = Record<string, unknown> & { Id: string };

export interface SalesforceUsage {
  /** From Sforce-Limit-Info on the last response: calls used in the org's rolling 24 h, and the org's allocation. */
  orgUsed: number;
  orgMax: number;
  /** Calls this console made in the last 24 h, as far as this process has counted (R8.2). */
  consoleCalls: number;
  /** Calls per 24 h this console may spend: the `sfApiAllocation` setting, else 20 % of orgMax (null until known). */
  allocation: number | null;
  /** Why calls are refused right now (allocation or 90 % of the org's limit reached), or null. */
  pausedReason: string | null;
}

export interface SalesforceConnector {
  identity(): Promise<{ orgId: string; userId: string; username: string; displayName: string; instanceUrl: string }>;
  describeAccount(): Promise<SfFieldDescribe[]>;
  limits(): Promise<{ dailyApiRequests: { max: number; remaining: number } }>;
  /**
   * Pages of records of `sobject` (Account, Contact, Lead, User) in SystemModstamp order, modified at or after
   * `since` (null = all), optionally narrowed by a SOQL condition. Large reads use Bulk API 2.0.
   */
  stream(
    sobject: string,
    fields: string[],
    options?: { since?: string | null; where?: string; bulk?: boolean },
  ): AsyncIterable<SfRecord[]>;
  getDeleted(sobject: string, start: string, end: string): Promise<{ id: string; deletedDate: string }[]>;
  /**
   * Records deleted at or after `since` (queryAll, IsDeleted = true): the minutes getDeleted does not cover yet,
   * because it answers whole minutes only.
   */
  deletedSince(sobject: string, since: string): Promise<{ id: string; deletedDate: string }[]>;
  /** ≤ 200 records a call; results in input order. */
  create(sobject: string, records: Record<string, unknown>[]): Promise<RecordResult[]>;
  update(sobject: string, records: SfRecord[]): Promise<RecordResult[]>;
  upsert(sobject: string, externalIdField: string, records: Record<string, unknown>[]): Promise<RecordResult[]>;
  /**
   * Bulk API 2.0 ingest jobs, one step per call so the caller can journal between steps (salesforce/bulk2-writer.ts):
   * open → upload → close → wait → results; abort for a job that was never closed.
   */
  bulkOpen: Bulk2Writer['open'];
  bulkUpload: Bulk2Writer['upload'];
  bulkClose: Bulk2Writer['close'];
  bulkAbort: Bulk2Writer['abort'];
  bulkStatus: Bulk2Writer['status'];
  bulkWaitDone: Bulk2Writer['waitDone'];
  bulkResults: Bulk2Writer['results'];
  /** ≤ 200 ids a call (a revert deleting the accounts a run created); results in input order. */
  destroy(sobject: string, ids: string[]): Promise<RecordResult[]>;
  usage(): SalesforceUsage;
}

export interface HsObjectRecord {
  id: string;
  properties: Record<string, string | null>;
  /** Per-property time of the last change (from propertiesWithHistory), when asked for. */
  propertyTimes?: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface HubSpotUsage {
  /** From the X-HubSpot-RateLimit-* headers of the last response. */
  intervalMax: number | null;
  intervalRemaining: number | null;
  dailyMax: number | null;
  dailyRemaining: number | null;
  calls: number;
  rateLimited: number;
  /** While a 429 pause is in force: when it ends (ISO). */
  pausedUntil: string | null;
}

export interface HubSpotConnector {
  /** portalId is null when the server does not say (no account-info endpoint for a private-app token). */
  tokenInfo(): Promise<{ portalId: number | null; scopes: string[]; user: string | null; expiresAt: string | null }>;
  properties(objectType: 'companies' | 'contacts'): Promise<HsPropertyDescribe[]>;
  /** Creates a property (e.g. salesforceaccountid, unique) if it does not exist. */
  ensureProperty(
    objectType: 'companies' | 'contacts',
    property: HsPropertyDescribe & { hasUniqueValue?: boolean; groupName?: string; label?: string },
  ): Promise<void>;
  /** Full scan by list paging (never search: it stops at 10,000). */
  list(objectType: 'companies' | 'contacts', properties: string[]): AsyncIterable<HsObjectRecord[]>;
  /** Objects modified at or after `since`, by search on hs_lastmodifieddate ranges (paged around the 10,000 cap). */
  modifiedSince(
    objectType: 'companies' | 'contacts',
    since: string,
    properties: string[],
  ): AsyncIterable<HsObjectRecord[]>;
  /** One search call: how many objects were modified at or after `since`, and the newest of them. */
  modifiedProbe(objectType: 'companies' | 'contacts', since: string): Promise<ModifiedProbe>;
  /** ≤ 100 ids a call. */
  read(
    objectType: 'companies' | 'contacts',
    ids: string[],
    properties: string[],
    withHistory?: boolean,
  ): Promise<HsObjectRecord[]>;
  /** ≤ 100 inputs; upsert by a unique property (salesforceaccountid) so a replay cannot duplicate. Results in input order. */
  upsert(
    objectType: 'companies',
    idProperty: string,
    inputs: { idValue: string; properties: Record<string, string | null> }[],
  ): Promise<RecordResult[]>;
  /** ≤ 100 inputs. Results in input order. */
  update(
    objectType: 'companies' | 'contacts',
    inputs: { id: string; properties: Record<string, string | null> }[],
  ): Promise<RecordResult[]>;
  archive(objectType: 'companies', ids: string[]): Promise<void>;
  /** company id → contact ids, ≤ 100 company ids a call. */
  companyContacts(companyIds: string[]): Promise<Map<string, string[]>>;
  /** company id → parent company id (association 14), for those of these companies that have one. */
  companyParents(companyIds: string[]): Promise<Map<string, string>>;
  /** Child → parent associations; a child that already has another parent fails. Results in input order. */
  setCompanyParents(pairs: { childId: string; parentId: string }[]): Promise<RecordResult[]>;
  removeCompanyParents(pairs: { childId: string; parentId: string }[]): Promise<void>;
  listMembers(listId: string): AsyncIterable<string[]>;
  owners(): Promise<{ id: string; email: string; firstName: string; lastName: string; archived: boolean }[]>;
  usage(): HubSpotUsage;
}
