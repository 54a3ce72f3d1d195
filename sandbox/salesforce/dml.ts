/**
 * Record writes shared by the single-record routes and sObject Collections: validation, the store write, per-record
 * SaveResults, injected per-record failures (FaultInjector.failRecord) and allOrNone rollback.
 */
import type { FaultInjector } from '../faults/faults.js';
import { type RecordError, RequestError, recordError, type SaveResult } from './errors.js';
import { normalizeId } from './ids.js';
import type { FieldDef, ObjectDef } from './schema.js';
import type { Row, SalesforceStore, SObjectName } from './store.js';
import { validateWrite, type ValidationContext } from './validation.js';

export type WriteOp =
  | { kind: 'create'; object: ObjectDef; fields: Record<string, unknown> }
  | { kind: 'update'; object: ObjectDef; id: unknown; fields: Record<string, unknown> }
  | {
      kind: 'upsert';
      object: ObjectDef;
      externalField: FieldDef;
      externalValue: string;
      fields: Record<string, unknown>;
    }
  | { kind: 'delete'; object: ObjectDef; id: unknown };

export interface DmlContext {
  store: SalesforceStore;
  validation: ValidationContext;
  faults: FaultInjector;
  actorId: string;
}

const failed = (errors: RecordError[], id?: string): SaveResult => ({ ...(id ? { id } : {}), success: false, errors });

/** Finds the live row an update/delete names, or the per-record error the org gives. */
export function findTarget(store: SalesforceStore, object: ObjectDef, rawId: unknown): Row | RecordError {
  const text = typeof rawId === 'string' ? rawId : '';
  if (!text) return recordError('MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']);
  const id = normalizeId(text);
  if (!id || id.slice(0, 3) !== object.keyPrefix) {
    return recordError('MALFORMED_ID', `${object.label} ID: id value of incorrect type: ${text}`, ['Id']);
  }
  const row = store.get(object.name as SObjectName, id);
  if (!row) return recordError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []);
  if (row.IsDeleted) return recordError('ENTITY_IS_DELETED', 'entity is deleted', []);
  return row;
}

const isError = (value: Row | RecordError): value is RecordError => 'statusCode' in value;

export function applyWrite(ctx: DmlContext, op: WriteOp): SaveResult {
  const type = op.object.name as SObjectName;
  if (!op.object.writable) {
    throw new RequestError(
      400,
      'INVALID_TYPE_FOR_OPERATION',
      `entity type ${op.object.name} does not support this operation`,
    );
  }
  if (op.kind === 'create' || (op.kind === 'upsert' && !ctx.store.accountIdByExternalId(op.externalValue))) {
    const fields = op.kind === 'upsert' ? { ...op.fields, [op.externalField.name]: op.externalValue } : op.fields;
    if (op.kind === 'create' && Object.keys(fields).some((k) => k.toLowerCase() === 'id')) {
      return failed([recordError('INVALID_FIELD', 'cannot specify Id in an insert call', ['Id'])]);
    }
    const checked = validateWrite(ctx.validation, op.object, fields);
    if ('errors' in checked) return failed(checked.errors);
    const row = ctx.store.insert(type, checked.values, ctx.actorId);
    return { id: row.Id, success: true, errors: [], ...(op.kind === 'upsert' ? { created: true } : {}) };
  }
  const target =
    op.kind === 'upsert'
      ? findTarget(ctx.store, op.object, ctx.store.accountIdByExternalId(op.externalValue))
      : findTarget(ctx.store, op.object, op.id);
  if (isError(target)) return failed([target], 'id' in op && typeof op.id === 'string' ? op.id : undefined);
  if (op.kind === 'delete') {
    ctx.store.delete(type, target.Id);
    return { id: target.Id, success: true, errors: [] };
  }
  const checked = validateWrite(ctx.validation, op.object, op.fields, target);
  if ('errors' in checked) return failed(checked.errors, target.Id);
  ctx.store.update(type, target.Id, checked.values, ctx.actorId);
  return { id: target.Id, success: true, errors: [], ...(op.kind === 'upsert' ? { created: false } : {}) };
}

const ROLLED_BACK = recordError(
  'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  'Record rolled back because not all records were valid and the request was using AllOrNone header',
);

/**
 * Applies a collection in order. With allOrNone, one failure undoes every write and the records that had
 * succeeded report ALL_OR_NONE_OPERATION_ROLLED_BACK (A6). A RequestError undoes everything and propagates.
 */
export function applyBatch(ctx: DmlContext, ops: WriteOp[], allOrNone: boolean): SaveResult[] {
  let results: SaveResult[] = [];
  const kept = ctx.store.transaction(() => {
    results = ops.map((op) => {
      if (ctx.faults.failRecord()) {
        const id = op.kind === 'update' || op.kind === 'delete' ? String(op.id) : undefined;
        return failed(
          [
            recordError(
              'UNABLE_TO_LOCK_ROW',
              `unable to obtain exclusive access to this record or 1 records: ${id ?? 'new record'}`,
            ),
          ],
          id,
        );
      }
      return applyWrite(ctx, op);
    });
    return !allOrNone || results.every((r) => r.success);
  });
  if (kept) return results;
  // A rolled-back insert has no id any more; updates and deletes keep naming their record.
  return results.map((r, i) =>
    r.success ? failed([ROLLED_BACK], ops[i]?.kind === 'create' || r.created ? undefined : r.id) : r,
  );
}
