/**
 * Associations v4 between companies and contacts (wire-formats B4), and the `associations` input of v3 create.
 * HUBSPOT_DEFINED type ids: contact→company 1 (primary) / 279, company→contact 2 (primary) / 280.
 */
import type { Router, SandboxRequest, SandboxResponse } from '../../http/router.js';
import type { ApiContext } from '../api.js';
import { hsJson, objectNotFound, type StandardError, standardError, validationError } from '../errors.js';
import { OBJECT_TYPE_IDS, type ObjectType } from '../properties.js';
import type { HubSpotStore } from '../store.js';
import {
  asString,
  batchInputs,
  batchReadResponse,
  batchResponse,
  isResponse,
  limitParam,
  objectTypeParam,
} from './common.js';
import { companyHierarchyHandlers } from './company-hierarchy.js';

const TYPE_IDS: Record<ObjectType, { primary: number; unlabeled: number }> = {
  contacts: { primary: 1, unlabeled: 279 }, // contact → company
  companies: { primary: 2, unlabeled: 280 }, // company → contact
};
const SINGULAR: Record<ObjectType, string> = { companies: 'company', contacts: 'contact' };
const other = (t: ObjectType): ObjectType => (t === 'companies' ? 'contacts' : 'companies');

const pair = (fromType: ObjectType, fromId: string, toId: string) =>
  fromType === 'companies' ? { companyId: fromId, contactId: toId } : { companyId: toId, contactId: fromId };

interface Link {
  toId: string;
  primary: boolean;
}

/** Reads `[{associationCategory, associationTypeId}]`; returns whether the link is primary, or an error text. */
function specPrimary(fromType: ObjectType, types: unknown): boolean | string {
  if (!Array.isArray(types) || types.length === 0) return 'types must list at least one association type';
  let primary = false;
  for (const t of types) {
    const typeId = Number((t as { associationTypeId?: unknown }).associationTypeId);
    const ids = TYPE_IDS[fromType];
    if (typeId === ids.primary) primary = true;
    else if (typeId !== ids.unlabeled) {
      return `${typeId} is not a valid association type id from ${SINGULAR[fromType]} to ${SINGULAR[other(fromType)]}`;
    }
  }
  return primary;
}

export function checkCreateAssociations(store: HubSpotStore, type: ObjectType, raw: unknown): Link[] | string {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return 'associations must be an array';
  const links: Link[] = [];
  for (const a of raw as Array<{ to?: { id?: unknown }; types?: unknown }>) {
    const toId = asString(a.to?.id);
    if (!toId || !store.tables[other(type)].get(toId)) return `${SINGULAR[other(type)]} ${toId ?? ''} does not exist`;
    const primary = specPrimary(type, a.types);
    if (typeof primary === 'string') return primary;
    links.push({ toId, primary });
  }
  return links;
}

export function applyCreateAssociations(store: HubSpotStore, type: ObjectType, id: string, links: Link[]): void {
  for (const l of links) {
    const p = pair(type, id, l.toId);
    store.associations.add(p.companyId, p.contactId, l.primary);
  }
}

/** `associationTypes` of one pair, as v4 reads return them (label "Primary" for the primary type; B4). */
function associationTypes(store: HubSpotStore, fromType: ObjectType, fromId: string, toId: string) {
  const p = pair(fromType, fromId, toId);
  const ids = TYPE_IDS[fromType];
  const types: Array<{ category: string; typeId: number; label: string | null }> = [];
  if (store.associations.isPrimary(p.companyId, p.contactId)) {
    types.push({ category: 'HUBSPOT_DEFINED', typeId: ids.primary, label: 'Primary' });
  }
  types.push({ category: 'HUBSPOT_DEFINED', typeId: ids.unlabeled, label: null });
  return types;
}

function partnersOf(store: HubSpotStore, fromType: ObjectType, id: string): string[] {
  return fromType === 'companies' ? store.associations.contactsOf(id) : store.associations.companiesOf(id);
}

/** One page of partners after the cursor (the cursor is the last partner id already returned). */
function partnerPage(store: HubSpotStore, fromType: ObjectType, id: string, after: string | undefined, limit: number) {
  const all = partnersOf(store, fromType, id);
  const start =
    after === undefined ? 0 : all.findIndex((p) => p.length > after.length || (p.length === after.length && p > after));
  const slice = start < 0 ? [] : all.slice(start, start + limit);
  const results = slice.map((toId) => ({
    toObjectId: toId,
    associationTypes: associationTypes(store, fromType, id, toId),
  }));
  const more = start >= 0 && start + limit < all.length;
  return { results, next: more ? slice[slice.length - 1] : undefined };
}

type Types = { from: ObjectType; to: ObjectType };

function typesOf(req: SandboxRequest, fromName: string, toName: string): Types | SandboxResponse {
  const from = objectTypeParam(req, fromName);
  if (isResponse(from)) return from;
  const to = objectTypeParam(req, toName);
  if (isResponse(to)) return to;
  if (from === to) return validationError(`Associations between ${from} and ${to} are not supported by the sandbox`);
  return { from, to };
}

export function associationRoutes(parentRouter: Router, ctx: ApiContext): void {
  const { store } = ctx;
  // Company-to-company calls (the parent/child hierarchy) share these paths; they are answered by their own module.
  const hierarchy = companyHierarchyHandlers(ctx);
  const router = {
    on: (method: string, pattern: string, handler: (req: SandboxRequest) => SandboxResponse) =>
      parentRouter.on(method, pattern, (req) => hierarchy(pattern, req) ?? handler(req)),
  };
  const exists = (t: ObjectType, id: string) => store.tables[t].get(id) !== undefined;

  router.on('PUT', '/crm/v4/objects/:objectType/:objectId/associations/default/:toObjectType/:toObjectId', (req) => {
    const t = typesOf(req, 'objectType', 'toObjectType');
    if (isResponse(t)) return t;
    const fromId = req.params.objectId ?? '';
    const toId = req.params.toObjectId ?? '';
    if (!exists(t.from, fromId)) return objectNotFound(fromId);
    if (!exists(t.to, toId)) return objectNotFound(toId);
    const p = pair(t.from, fromId, toId);
    store.associations.add(p.companyId, p.contactId, false);
    const started = ctx.now();
    const spec = { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TYPE_IDS[t.from].unlabeled };
    return batchResponse(
      200,
      started,
      ctx.now(),
      [{ from: { id: fromId }, to: { id: toId }, associationSpec: spec }],
      [],
    );
  });

  router.on('PUT', '/crm/v4/objects/:objectType/:objectId/associations/:toObjectType/:toObjectId', (req) => {
    const t = typesOf(req, 'objectType', 'toObjectType');
    if (isResponse(t)) return t;
    const fromId = req.params.objectId ?? '';
    const toId = req.params.toObjectId ?? '';
    if (!exists(t.from, fromId)) return objectNotFound(fromId);
    if (!exists(t.to, toId)) return objectNotFound(toId);
    const primary = specPrimary(t.from, req.body);
    if (typeof primary === 'string') return validationError(primary);
    const p = pair(t.from, fromId, toId);
    store.associations.add(p.companyId, p.contactId, primary);
    return hsJson(201, {
      fromObjectTypeId: OBJECT_TYPE_IDS[t.from],
      fromObjectId: fromId,
      toObjectTypeId: OBJECT_TYPE_IDS[t.to],
      toObjectId: toId,
      labels: primary ? ['Primary'] : [],
    });
  });

  router.on('GET', '/crm/v4/objects/:objectType/:objectId/associations/:toObjectType', (req) => {
    const t = typesOf(req, 'objectType', 'toObjectType');
    if (isResponse(t)) return t;
    const limit = limitParam(req.query.get('limit') ?? undefined, 500, 500);
    if (isResponse(limit)) return limit;
    const page = partnerPage(store, t.from, req.params.objectId ?? '', req.query.get('after') ?? undefined, limit);
    return hsJson(
      200,
      page.next ? { results: page.results, paging: { next: { after: page.next } } } : { results: page.results },
    );
  });

  router.on('DELETE', '/crm/v4/objects/:objectType/:objectId/associations/:toObjectType/:toObjectId', (req) => {
    const t = typesOf(req, 'objectType', 'toObjectType');
    if (isResponse(t)) return t;
    const p = pair(t.from, req.params.objectId ?? '', req.params.toObjectId ?? '');
    store.associations.remove(p.companyId, p.contactId);
    return { status: 204 };
  });

  router.on('POST', '/crm/v4/associations/:fromObjectType/:toObjectType/batch/create', (req) => {
    const t = typesOf(req, 'fromObjectType', 'toObjectType');
    if (isResponse(t)) return t;
    const inputs = batchInputs(req, 2000); // v4 association batches allow more than 100 inputs
    if (isResponse(inputs)) return inputs;
    const started = ctx.now();
    const results: unknown[] = [];
    const errors: StandardError[] = [];
    for (const raw of inputs as Array<{ from?: { id?: unknown }; to?: { id?: unknown }; types?: unknown }>) {
      const fromId = asString(raw.from?.id) ?? '';
      const toId = asString(raw.to?.id) ?? '';
      const primary = specPrimary(t.from, raw.types);
      if (typeof primary === 'string') {
        errors.push(standardError('VALIDATION_ERROR', primary, { fromObjectId: [fromId], toObjectId: [toId] }));
        continue;
      }
      const missing = !exists(t.from, fromId) ? fromId : !exists(t.to, toId) ? toId : undefined;
      if (missing !== undefined) {
        errors.push(
          standardError('OBJECT_NOT_FOUND', `Object ${missing} does not exist or was archived.`, { ids: [missing] }),
        );
        continue;
      }
      const p = pair(t.from, fromId, toId);
      store.associations.add(p.companyId, p.contactId, primary);
      results.push({
        fromObjectTypeId: OBJECT_TYPE_IDS[t.from],
        fromObjectId: fromId,
        toObjectTypeId: OBJECT_TYPE_IDS[t.to],
        toObjectId: toId,
        labels: primary ? ['Primary'] : [],
      });
    }
    return batchResponse(201, started, ctx.now(), results, errors);
  });

  router.on('POST', '/crm/v4/associations/:fromObjectType/:toObjectType/batch/associate/default', (req) => {
    const t = typesOf(req, 'fromObjectType', 'toObjectType');
    if (isResponse(t)) return t;
    const inputs = batchInputs(req, 2000);
    if (isResponse(inputs)) return inputs;
    const started = ctx.now();
    const results: unknown[] = [];
    const errors: StandardError[] = [];
    const spec = { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TYPE_IDS[t.from].unlabeled };
    for (const raw of inputs as Array<{ from?: { id?: unknown }; to?: { id?: unknown } }>) {
      const fromId = asString(raw.from?.id) ?? '';
      const toId = asString(raw.to?.id) ?? '';
      if (!exists(t.from, fromId) || !exists(t.to, toId)) {
        errors.push(standardError('OBJECT_NOT_FOUND', 'One or both objects do not exist.', { ids: [fromId, toId] }));
        continue;
      }
      const p = pair(t.from, fromId, toId);
      store.associations.add(p.companyId, p.contactId, false);
      results.push({ from: { id: fromId }, to: { id: toId }, associationSpec: spec });
    }
    return batchResponse(200, started, ctx.now(), results, errors);
  });

  router.on('POST', '/crm/v4/associations/:fromObjectType/:toObjectType/batch/read', (req) => {
    const t = typesOf(req, 'fromObjectType', 'toObjectType');
    if (isResponse(t)) return t;
    const inputs = batchInputs(req, 11_000);
    if (isResponse(inputs)) return inputs;
    return batchReadResponse(
      ctx.now(),
      () => ctx.now(),
      inputs,
      (id, after) => partnerPage(store, t.from, id, after, 500),
      (id) => ({
        message: `No ${SINGULAR[t.to]} is associated with ${SINGULAR[t.from]} ${id}.`,
        toObjectType: SINGULAR[t.to],
      }),
    );
  });

  const archive = (labelsOnly: boolean) => (req: SandboxRequest) => {
    const t = typesOf(req, 'fromObjectType', 'toObjectType');
    if (isResponse(t)) return t;
    const inputs = batchInputs(req, 2000);
    if (isResponse(inputs)) return inputs;
    for (const raw of inputs as Array<{ from?: { id?: unknown }; to?: unknown; types?: unknown }>) {
      const fromId = asString(raw.from?.id) ?? '';
      const targets = Array.isArray(raw.to) ? (raw.to as Array<{ id?: unknown }>) : [raw.to as { id?: unknown }];
      for (const to of targets) {
        const p = pair(t.from, fromId, asString(to?.id) ?? '');
        // Removing only the primary label keeps the pair; removing the unlabeled type removes the pair.
        if (
          labelsOnly &&
          specPrimary(t.from, raw.types) === true &&
          Array.isArray(raw.types) &&
          raw.types.length === 1
        ) {
          if (store.associations.isPrimary(p.companyId, p.contactId)) {
            store.associations.remove(p.companyId, p.contactId);
            store.associations.add(p.companyId, p.contactId, false);
          }
        } else store.associations.remove(p.companyId, p.contactId);
      }
    }
    return { status: 204 };
  };
  router.on('POST', '/crm/v4/associations/:fromObjectType/:toObjectType/batch/archive', archive(false));
  router.on('POST', '/crm/v4/associations/:fromObjectType/:toObjectType/batch/labels/archive', archive(true));
}
