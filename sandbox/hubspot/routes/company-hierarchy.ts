/**
 * Associations v4 between two companies: the parent/child hierarchy, HUBSPOT_DEFINED 13 (from the parent to its
 * child) and 14 (from the child to its parent). Reads from a company list its parent with 14 and its children with
 * 13. A company has one parent: a second one is refused until the first is removed, and a loop is refused.
 */
import type { SandboxRequest, SandboxResponse } from '../../http/router.js';
import type { ApiContext } from '../api.js';
import { hsJson, objectNotFound, type StandardError, standardError, validationError } from '../errors.js';
import { parseObjectType } from '../properties.js';
import { asString, batchInputs, batchReadResponse, batchResponse, isResponse, limitParam } from './common.js';

export const PARENT_TO_CHILD = 13;
export const CHILD_TO_PARENT = 14;
const COMPANY = '0-2';

type Handler = (req: SandboxRequest) => SandboxResponse;

function typeIdOf(types: unknown): number | string {
  if (!Array.isArray(types) || types.length !== 1) return 'types must list exactly one company-to-company type';
  const id = Number((types[0] as { associationTypeId?: unknown }).associationTypeId);
  if (id !== PARENT_TO_CHILD && id !== CHILD_TO_PARENT) {
    return `${id} is not a valid association type id from company to company (13 parent to child, 14 child to parent)`;
  }
  return id;
}

export function companyHierarchyHandlers(
  ctx: ApiContext,
): (pattern: string, req: SandboxRequest) => SandboxResponse | undefined {
  const { store } = ctx;
  const parents = store.associations.parents;
  const exists = (id: string) => store.tables.companies.get(id) !== undefined;

  /** Links one pair; an error text when HubSpot would refuse it. */
  const link = (fromId: string, toId: string, typeId: number): StandardError | undefined => {
    const missing = !exists(fromId) ? fromId : !exists(toId) ? toId : undefined;
    if (missing !== undefined)
      return standardError('OBJECT_NOT_FOUND', `Object ${missing} does not exist or was archived.`, { ids: [missing] });
    const [childId, parentId] = typeId === PARENT_TO_CHILD ? [toId, fromId] : [fromId, toId];
    const current = parents.parent(childId);
    if (current === parentId) return undefined;
    if (current !== undefined) {
      return standardError(
        'VALIDATION_ERROR',
        `Company ${childId} already has parent company ${current}; remove that association first.`,
        { childId: [childId], parentId: [current] },
      );
    }
    if (parents.isSelfOrAncestor(childId, parentId)) {
      return standardError(
        'VALIDATION_ERROR',
        `Company ${parentId} cannot be the parent of ${childId}: it would make a loop.`,
        {
          childId: [childId],
          parentId: [parentId],
        },
      );
    }
    parents.set(childId, parentId);
    return undefined;
  };
  const unlink = (a: string, b: string) => parents.remove(a, b) || parents.remove(b, a);
  const labels = (typeId: number) => [typeId === PARENT_TO_CHILD ? 'Child Company' : 'Parent Company'];
  const pairResult = (fromId: string, toId: string, typeId: number) => ({
    fromObjectTypeId: COMPANY,
    fromObjectId: fromId,
    toObjectTypeId: COMPANY,
    toObjectId: toId,
    labels: labels(typeId),
  });

  /** The parent (14) then the children (13) of a company, after the cursor (the last partner id returned). */
  const partnerPage = (id: string, after: string | undefined, limit: number) => {
    const parent = parents.parent(id);
    const all = [
      ...(parent ? [{ toId: parent, typeId: CHILD_TO_PARENT }] : []),
      ...parents.children(id).map((toId) => ({ toId, typeId: PARENT_TO_CHILD })),
    ];
    const start = after === undefined ? 0 : all.findIndex((p) => p.toId === after) + 1;
    const slice = all.slice(start, start + limit);
    const results = slice.map((p) => ({
      toObjectId: p.toId,
      associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: p.typeId, label: labels(p.typeId)[0] }],
    }));
    return { results, next: start + limit < all.length ? slice.at(-1)?.toId : undefined };
  };

  const archive: Handler = (req) => {
    const inputs = batchInputs(req, 2000);
    if (isResponse(inputs)) return inputs;
    for (const raw of inputs as Array<{ from?: { id?: unknown }; to?: unknown }>) {
      const fromId = asString(raw.from?.id) ?? '';
      const targets = Array.isArray(raw.to) ? (raw.to as Array<{ id?: unknown }>) : [raw.to as { id?: unknown }];
      for (const to of targets) unlink(fromId, asString(to?.id) ?? '');
    }
    return { status: 204 };
  };

  const handlers: Record<string, Handler> = {
    'PUT /crm/v4/objects/:objectType/:objectId/associations/:toObjectType/:toObjectId': (req) => {
      const fromId = req.params.objectId ?? '';
      const toId = req.params.toObjectId ?? '';
      if (!exists(fromId)) return objectNotFound(fromId);
      if (!exists(toId)) return objectNotFound(toId);
      const typeId = typeIdOf(req.body);
      if (typeof typeId === 'string') return validationError(typeId);
      const error = link(fromId, toId, typeId);
      return error ? validationError(error.message) : hsJson(201, pairResult(fromId, toId, typeId));
    },
    'GET /crm/v4/objects/:objectType/:objectId/associations/:toObjectType': (req) => {
      const limit = limitParam(req.query.get('limit') ?? undefined, 500, 500);
      if (isResponse(limit)) return limit;
      const page = partnerPage(req.params.objectId ?? '', req.query.get('after') ?? undefined, limit);
      return hsJson(
        200,
        page.next ? { results: page.results, paging: { next: { after: page.next } } } : { results: page.results },
      );
    },
    'DELETE /crm/v4/objects/:objectType/:objectId/associations/:toObjectType/:toObjectId': (req) => {
      unlink(req.params.objectId ?? '', req.params.toObjectId ?? '');
      return { status: 204 };
    },
    'POST /crm/v4/associations/:fromObjectType/:toObjectType/batch/create': (req) => {
      const inputs = batchInputs(req, 2000);
      if (isResponse(inputs)) return inputs;
      const started = ctx.now();
      const results: unknown[] = [];
      const errors: StandardError[] = [];
      for (const raw of inputs as Array<{ from?: { id?: unknown }; to?: { id?: unknown }; types?: unknown }>) {
        const fromId = asString(raw.from?.id) ?? '';
        const toId = asString(raw.to?.id) ?? '';
        const typeId = typeIdOf(raw.types);
        const error =
          typeof typeId === 'string'
            ? standardError('VALIDATION_ERROR', typeId, { fromObjectId: [fromId], toObjectId: [toId] })
            : link(fromId, toId, typeId);
        if (error) errors.push(error);
        else results.push(pairResult(fromId, toId, typeId as number));
      }
      return batchResponse(201, started, ctx.now(), results, errors);
    },
    'POST /crm/v4/associations/:fromObjectType/:toObjectType/batch/read': (req) => {
      const inputs = batchInputs(req, 11_000);
      if (isResponse(inputs)) return inputs;
      return batchReadResponse(
        ctx.now(),
        ctx.now,
        inputs,
        (id, after) => partnerPage(id, after, 500),
        (id) => ({
          message: `No company is associated with company ${id}.`,
          toObjectType: 'company',
        }),
      );
    },
    'POST /crm/v4/associations/:fromObjectType/:toObjectType/batch/archive': archive,
    'POST /crm/v4/associations/:fromObjectType/:toObjectType/batch/labels/archive': archive,
  };

  return (pattern, req) => {
    const [fromName, toName] = pattern.includes(':fromObjectType')
      ? ['fromObjectType', 'toObjectType']
      : ['objectType', 'toObjectType'];
    if (parseObjectType(req.params[fromName]) !== 'companies' || parseObjectType(req.params[toName]) !== 'companies')
      return undefined;
    const handler = handlers[`${req.method} ${pattern}`];
    return handler ? handler(req) : validationError('This call is not supported between two companies.');
  };
}
