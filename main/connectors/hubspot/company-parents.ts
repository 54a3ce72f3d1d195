/**
 * The company hierarchy through Associations v4: HUBSPOT_DEFINED 14 from a child company to its parent (13 is the
 * same pair seen from the parent). Reads ask 1,000 companies a call; writes go in batches with a result per input.
 */
import type { Client } from '@hubspot/api-client';
import type { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4/index.js';
import { chunk } from '../chunk.js';
import type { RecordResult } from '../types.js';
import { failure, type WireError } from './batch-results.js';

export const PARENT_TO_CHILD = 13;
export const CHILD_TO_PARENT = 14;
/** Associations v4 batch reads take up to 1,000 inputs. */
const READ_BATCH = 1000;
const WRITE_BATCH = 100;

export interface CompanyParentPair {
  childId: string;
  parentId: string;
}

type CallInfo = <T>(fn: () => Promise<{ headers: Record<string, string>; data: T }>) => Promise<T>;

/** company id → its parent company id, for the companies that have one. */
export async function readCompanyParents(
  client: Client,
  callInfo: CallInfo,
  companyIds: string[],
): Promise<Map<string, string>> {
  const parents = new Map<string, string>();
  for (const batch of chunk(companyIds, READ_BATCH)) {
    const answer = await callInfo(() =>
      client.crm.associations.v4.batchApi.getPageWithHttpInfo('companies', 'companies', {
        inputs: batch.map((id) => ({ id })),
      }),
    );
    // The parent comes first in each company's partners, so the first page always holds it.
    for (const result of answer.results) {
      const parent = result.to.find((to) => to.associationTypes.some((t) => t.typeId === CHILD_TO_PARENT));
      if (parent) parents.set(String(result._from.id), String(parent.toObjectId));
    }
  }
  return parents;
}

/** Results in input order: an input is failed when an error names its child or its parent. */
export async function createCompanyParents(
  client: Client,
  callInfo: CallInfo,
  pairs: CompanyParentPair[],
): Promise<RecordResult[]> {
  const out: RecordResult[] = [];
  for (const batch of chunk(pairs, WRITE_BATCH)) {
    const answer = (await callInfo(() =>
      client.crm.associations.v4.batchApi.createWithHttpInfo('companies', 'companies', {
        inputs: batch.map((p) => ({
          _from: { id: p.childId },
          to: { id: p.parentId },
          types: [
            {
              associationCategory: 'HUBSPOT_DEFINED' as AssociationSpecAssociationCategoryEnum,
              associationTypeId: CHILD_TO_PARENT,
            },
          ],
        })),
      }),
    )) as { results?: { fromObjectId?: unknown }[]; errors?: WireError[] };
    const done = new Set((answer.results ?? []).map((r) => String(r.fromObjectId)));
    for (const pair of batch) {
      const error = (answer.errors ?? []).find((e) =>
        Object.values(e.context ?? {}).some((ids) => ids?.includes(pair.childId) || ids?.includes(pair.parentId)),
      );
      if (error) out.push(failure(error, pair.childId));
      else if (done.has(pair.childId)) out.push({ ok: true, id: pair.childId });
      else
        out.push({
          ok: false,
          id: pair.childId,
          category: 'ASSOCIATIONS',
          code: 'NO_RESULT',
          message: 'HubSpot returned neither a result nor an error for this association; it is retried.',
        });
    }
  }
  return out;
}

/** Removing a pair that is already gone is not an error (HubSpot answers 204 either way). */
export async function archiveCompanyParents(
  client: Client,
  callInfo: CallInfo,
  pairs: CompanyParentPair[],
): Promise<void> {
  for (const batch of chunk(pairs, WRITE_BATCH)) {
    await callInfo(() =>
      client.crm.associations.v4.batchApi.archiveWithHttpInfo('companies', 'companies', {
        inputs: batch.map((p) => ({ _from: { id: p.childId }, to: [{ id: p.parentId }] })),
      }),
    );
  }
}
