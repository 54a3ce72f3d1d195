/**
 * CRM v3 basic object routes, one set for every object type (wire-formats B3, B8):
 * list (after paging, limit ≤ 100), get (idProperty), create 201, update 200, archive 204.
 */
import type { Router, SandboxRequest, SandboxResponse } from '../../http/router.js';
import { type ApiContext, writeSource } from '../api.js';
import { hsError, hsJson, objectNotFound, validationError } from '../errors.js';
import type { ObjectType } from '../properties.js';
import { associationKinds, listParam, toWire, wireNames } from '../serialize.js';
import { createObject, idPropertyProblem, resolveObject, updateObject, type WriteFailure } from '../writes.js';
import { applyCreateAssociations, checkCreateAssociations } from './associations.js';
import { body, isResponse, limitParam, objectTypeParam } from './common.js';

/** List `limit`: default 10 (spec), max 100 (3P-confirmed; behaviour.md "Numbers to test against"). */
const LIST_MAX = 100;

export const failureResponse = (f: WriteFailure): SandboxResponse =>
  hsError(f.status, f.category, f.message, { context: f.context, errors: f.errors });

function readOptions(req: SandboxRequest) {
  return {
    properties: listParam(req.query, 'properties'),
    propertiesWithHistory: listParam(req.query, 'propertiesWithHistory'),
    associations: associationKinds(listParam(req.query, 'associations')),
  };
}

const withType =
  (handler: (req: SandboxRequest, type: ObjectType) => SandboxResponse) =>
  (req: SandboxRequest): SandboxResponse => {
    const type = objectTypeParam(req);
    return isResponse(type) ? type : handler(req, type);
  };

export function objectRoutes(router: Router, ctx: ApiContext): void {
  const { store } = ctx;

  router.on(
    'GET',
    '/crm/v3/objects/:objectType',
    withType((req, type) => {
      const limit = limitParam(req.query.get('limit') ?? undefined, 10, LIST_MAX);
      if (isResponse(limit)) return limit;
      const archived = req.query.get('archived') === 'true';
      const page = store.tables[type].page(req.query.get('after') ?? undefined, limit, archived);
      const opts = readOptions(req);
      const names = wireNames(store, type, opts.properties);
      const results = page.results.map((o) => toWire(store, type, o, opts, names));
      const paging = page.next === undefined ? undefined : { next: { after: page.next } };
      return hsJson(200, paging ? { results, paging } : { results });
    }),
  );

  router.on(
    'GET',
    '/crm/v3/objects/:objectType/:objectId',
    withType((req, type) => {
      const idProperty = req.query.get('idProperty') ?? undefined;
      const problem = idPropertyProblem(store, type, idProperty);
      if (problem) return validationError(problem);
      const raw = req.params.objectId ?? '';
      const table = store.tables[type];
      const o = resolveObject(store, type, raw, idProperty);
      const found = o ?? (req.query.get('archived') === 'true' ? table.getArchived(raw) : undefined);
      if (!found) return objectNotFound(raw);
      return hsJson(200, toWire(store, type, found, readOptions(req)));
    }),
  );

  router.on(
    'POST',
    '/crm/v3/objects/:objectType',
    withType((req, type) => {
      const input = body(req);
      const associations = checkCreateAssociations(store, type, input.associations);
      if (typeof associations === 'string') return validationError(associations);
      const outcome = createObject(store, type, input.properties ?? {}, ctx.now(), writeSource(ctx));
      if (!outcome.ok) return failureResponse(outcome.failure);
      applyCreateAssociations(store, type, outcome.object.id, associations);
      return hsJson(201, toWire(store, type, outcome.object, { properties: 'all-set' }));
    }),
  );

  router.on(
    'PATCH',
    '/crm/v3/objects/:objectType/:objectId',
    withType((req, type) => {
      const idProperty = req.query.get('idProperty') ?? undefined;
      const problem = idPropertyProblem(store, type, idProperty);
      if (problem) return validationError(problem);
      const raw = req.params.objectId ?? '';
      const o = resolveObject(store, type, raw, idProperty);
      if (!o) return objectNotFound(raw);
      const outcome = updateObject(store, type, o, body(req).properties ?? {}, ctx.now(), writeSource(ctx));
      if (!outcome.ok) return failureResponse(outcome.failure);
      return hsJson(200, toWire(store, type, outcome.object, { properties: 'all-set' }));
    }),
  );

  router.on(
    'DELETE',
    '/crm/v3/objects/:objectType/:objectId',
    withType((req, type) => {
      archiveObject(ctx, type, req.params.objectId ?? '');
      // HubSpot answers 204 whether or not the record existed.
      return { status: 204 };
    }),
  );
}

/** Archive = move to the recycle bin; its associations go with it. */
export function archiveObject(ctx: ApiContext, type: ObjectType, id: string): void {
  if (!ctx.store.tables[type].archive(id, ctx.now().toISOString())) return;
  if (type === 'companies') ctx.store.associations.dropCompany(id);
  else ctx.store.associations.dropContact(id);
}
