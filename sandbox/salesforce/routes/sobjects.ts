/**
 * Single-record sObject REST (A5): create, retrieve, update, delete, and retrieve/upsert by external id.
 * Register after describe and updated/deleted, whose paths would otherwise match `:id`.
 */
import { json, noContent, type Router, type SandboxRequest } from '../../http/router.js';
import type { EmulatorContext } from '../context.js';
import { applyWrite, findTarget } from '../dml.js';
import { answerErrors, notFound, restErrors, sfError } from '../errors.js';
import type { ObjectDef } from '../schema.js';
import type { Row, SObjectName } from '../store.js';
import { pickFields, toWire } from '../wire.js';
import { apiVersion, dmlContext, fieldsOf, isResponse, jsonObject, objectOf } from './common.js';

/** The live row named in the URL, or the org's 404 (NOT_FOUND, or ENTITY_IS_DELETED for a deleted one). */
function rowOr404(ctx: EmulatorContext, object: ObjectDef, id: string) {
  const target = findTarget(ctx.store, object, id);
  if (!('statusCode' in target)) return target;
  return target.statusCode === 'ENTITY_IS_DELETED'
    ? sfError(404, 'ENTITY_IS_DELETED', 'entity is deleted')
    : notFound();
}

function retrieve(req: SandboxRequest, object: ObjectDef, row: Row) {
  const fields = pickFields(object, req.query.get('fields')?.split(','));
  if (typeof fields === 'string') return sfError(400, 'INVALID_FIELD', fields);
  return json(200, toWire(object, row, req.params.v ?? '', fields));
}

export function sobjectRoutes(router: Router, ctx: EmulatorContext): void {
  const base = '/services/data/:v/sobjects/:type';

  router.on(
    'POST',
    base,
    answerErrors((req) => {
      const object = objectOf(req);
      if (isResponse(object)) return object;
      const body = jsonObject(req);
      if (Object.keys(body).some((k) => k.toLowerCase() === 'id')) {
        return sfError(400, 'INVALID_FIELD', 'The Id field should not be specified in the sobject data.');
      }
      const result = applyWrite(dmlContext(ctx, req), { kind: 'create', object, fields: fieldsOf(body) });
      return result.success ? json(201, result) : restErrors(400, result.errors);
    }),
  );

  router.on('GET', `${base}/:id`, (req) => {
    const object = objectOf(req);
    if (isResponse(object)) return object;
    const row = rowOr404(ctx, object, req.params.id ?? '');
    return isResponse(row) ? row : retrieve(req, object, row);
  });

  router.on(
    'PATCH',
    `${base}/:id`,
    answerErrors((req) => {
      const object = objectOf(req);
      if (isResponse(object)) return object;
      const row = rowOr404(ctx, object, req.params.id ?? '');
      if (isResponse(row)) return row;
      const result = applyWrite(dmlContext(ctx, req), {
        kind: 'update',
        object,
        id: row.Id,
        fields: fieldsOf(jsonObject(req), 'Id'),
      });
      return result.success ? noContent() : restErrors(400, result.errors);
    }),
  );

  router.on('DELETE', `${base}/:id`, (req) => {
    const object = objectOf(req);
    if (isResponse(object)) return object;
    const row = rowOr404(ctx, object, req.params.id ?? '');
    if (isResponse(row)) return row;
    ctx.store.delete(object.name as SObjectName, row.Id);
    return noContent();
  });

  router.on('GET', `${base}/:field/:value`, (req) => {
    const object = objectOf(req);
    if (isResponse(object)) return object;
    const field = externalField(object, req.params.field ?? '');
    if (isResponse(field)) return field;
    const id = ctx.store.accountIdByExternalId(req.params.value ?? '');
    const row = id ? ctx.store.get(object.name as SObjectName, id) : undefined;
    return row ? retrieve(req, object, row) : notFound();
  });

  // Upsert (A5): 201 with the SaveResult when created; when updated, API 46.0+ answers 200 with
  // `created: false` and older versions 204 (developer.salesforce.com dome_upsert.htm, v224 vs current guide).
  router.on(
    'PATCH',
    `${base}/:field/:value`,
    answerErrors((req) => {
      const object = objectOf(req);
      if (isResponse(object)) return object;
      const field = externalField(object, req.params.field ?? '');
      if (isResponse(field)) return field;
      const fields = fieldsOf(jsonObject(req), 'Id', field.name);
      const op = {
        kind: 'upsert' as const,
        object,
        externalField: field,
        externalValue: req.params.value ?? '',
        fields,
      };
      const result = applyWrite(dmlContext(ctx, req), op);
      if (!result.success) return restErrors(400, result.errors);
      if (result.created) return json(201, result);
      return apiVersion(req) >= 46 ? json(200, result) : noContent();
    }),
  );
}

function externalField(object: ObjectDef, name: string) {
  const field = object.fieldByLowerName.get(name.toLowerCase());
  if (!field) return notFound();
  if (!field.externalId) {
    return sfError(
      400,
      'INVALID_FIELD',
      `Field ${field.name} is not an External ID or indexed field for ${object.name}`,
    );
  }
  return field;
}
