/**
 * sObject Collections (A6): create, update, upsert by external id, delete and retrieve, up to 200 records per
 * write call (2,000 ids per POST retrieve). Writes answer 200 with one SaveResult per record, in order.
 */
import { json, type Router, type SandboxRequest } from '../../http/router.js';
import type { EmulatorContext } from '../context.js';
import { applyBatch, type WriteOp } from '../dml.js';
import { answerErrors, RequestError, sfError } from '../errors.js';
import { normalizeId } from '../ids.js';
import { type ObjectDef, objectDefFor, objectDefForId } from '../schema.js';
import type { SObjectName } from '../store.js';
import { pickFields, toWire } from '../wire.js';
import { dmlContext, fieldsOf, isResponse, jsonObject, objectOf } from './common.js';

const MAX_WRITE = 200;
const MAX_RETRIEVE = 2000;

function tooMany(count: number, max: number): void {
  if (count > max) {
    throw new RequestError(
      400,
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${max} records into this call`,
    );
  }
}

/** `{allOrNone, records}` with each record's sObject from `attributes.type`. */
function recordsOf(req: SandboxRequest): {
  allOrNone: boolean;
  records: { object: ObjectDef; body: Record<string, unknown> }[];
} {
  const body = jsonObject(req);
  if (!Array.isArray(body.records)) throw new RequestError(400, 'JSON_PARSER_ERROR', 'records must be an array');
  tooMany(body.records.length, MAX_WRITE);
  const records = body.records.map((record: unknown) => {
    const rec = (typeof record === 'object' && record !== null ? record : {}) as Record<string, unknown>;
    const type = (rec.attributes as { type?: unknown } | undefined)?.type;
    const object = typeof type === 'string' ? objectDefFor(type) : undefined;
    if (!object) throw new RequestError(400, 'INVALID_TYPE', 'Must send a concrete entity type.');
    return { object, body: rec };
  });
  return { allOrNone: body.allOrNone === true, records };
}

export function collectionRoutes(router: Router, ctx: EmulatorContext): void {
  const base = '/services/data/:v/composite/sobjects';
  const write = (req: SandboxRequest, allOrNone: boolean, ops: WriteOp[]) =>
    json(200, applyBatch(dmlContext(ctx, req), ops, allOrNone));

  router.on(
    'POST',
    base,
    answerErrors((req) => {
      const { allOrNone, records } = recordsOf(req);
      return write(
        req,
        allOrNone,
        records.map(({ object, body }) => ({ kind: 'create', object, fields: fieldsOf(body) })),
      );
    }),
  );

  router.on(
    'PATCH',
    base,
    answerErrors((req) => {
      const { allOrNone, records } = recordsOf(req);
      const ops = records.map(
        ({ object, body }): WriteOp => ({
          kind: 'update',
          object,
          id: body.id ?? body.Id,
          fields: fieldsOf(body, 'id'),
        }),
      );
      return write(req, allOrNone, ops);
    }),
  );

  router.on(
    'PATCH',
    `${base}/:type/:field`,
    answerErrors((req) => {
      const object = objectOf(req);
      if (isResponse(object)) return object;
      const field = object.fieldByLowerName.get((req.params.field ?? '').toLowerCase());
      if (!field?.externalId) {
        return sfError(
          400,
          'INVALID_FIELD',
          `Field ${req.params.field} is not an External ID or indexed field for ${object.name}`,
        );
      }
      const { allOrNone, records } = recordsOf(req);
      const ops = records.map(({ body }): WriteOp => {
        const value = Object.entries(body).find(([k]) => k.toLowerCase() === field.name.toLowerCase())?.[1];
        if (typeof value !== 'string' || value === '') {
          throw new RequestError(400, 'MISSING_ARGUMENT', `${field.name} not specified`);
        }
        return {
          kind: 'upsert',
          object,
          externalField: field,
          externalValue: value,
          fields: fieldsOf(body, 'Id', field.name),
        };
      });
      return write(req, allOrNone, ops);
    }),
  );

  router.on(
    'DELETE',
    base,
    answerErrors((req) => {
      const ids = (req.query.get('ids') ?? '').split(',').filter(Boolean);
      tooMany(ids.length, MAX_WRITE);
      // A collection delete may mix types; the key prefix says which (an unknown prefix fails as MALFORMED_ID).
      const ops = ids.map(
        (id): WriteOp => ({ kind: 'delete', object: objectDefForId(id) ?? (objectDefFor('Account') as ObjectDef), id }),
      );
      return write(req, req.query.get('allOrNone') === 'true', ops);
    }),
  );

  const retrieve = (req: SandboxRequest, object: ObjectDef, ids: unknown[], fieldNames: string[]) => {
    tooMany(ids.length, MAX_RETRIEVE);
    const fields = pickFields(object, fieldNames);
    if (typeof fields === 'string') return sfError(400, 'INVALID_FIELD', fields);
    return json(
      200,
      ids.map((raw) => {
        const id = typeof raw === 'string' ? normalizeId(raw) : undefined;
        const row = id ? ctx.store.get(object.name as SObjectName, id) : undefined;
        return row && !row.IsDeleted ? toWire(object, row, req.params.v ?? '', fields) : null;
      }),
    );
  };

  router.on(
    'GET',
    `${base}/:type`,
    answerErrors((req) => {
      const object = objectOf(req);
      if (isResponse(object)) return object;
      const list = (name: string) => (req.query.get(name) ?? '').split(',').filter(Boolean);
      return retrieve(req, object, list('ids'), list('fields'));
    }),
  );

  router.on(
    'POST',
    `${base}/:type`,
    answerErrors((req) => {
      const object = objectOf(req);
      if (isResponse(object)) return object;
      const body = jsonObject(req);
      const ids = Array.isArray(body.ids) ? body.ids : [];
      const fields = Array.isArray(body.fields) ? body.fields.map(String) : [];
      return retrieve(req, object, ids, fields);
    }),
  );
}
